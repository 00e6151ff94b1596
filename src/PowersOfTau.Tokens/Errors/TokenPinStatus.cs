using Net.Pkcs11Interop.HighLevelAPI;

namespace PowersOfTau.Tokens.Errors;

/// <summary>
/// What a token says about its user PIN retry counter. PKCS#11 never gives the number of tries left, only
/// three flags (CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED), and tokens use them
/// loosely: SoftHSM2 2.6 sets COUNT_LOW after any failed login and never locks; some tokens set none.
/// </summary>
public readonly record struct TokenPinStatus(bool CountLow, bool FinalTry, bool Locked)
{
    /// <summary>Reads the flags from a token's CK_TOKEN_INFO.</summary>
    public static TokenPinStatus From(ITokenFlags flags) => new(flags.UserPinCountLow, flags.UserPinFinalTry, flags.UserPinLocked);

    /// <summary>One clause for an error message.</summary>
    public string Describe() => this switch
    {
        { Locked: true } => "the token reports the user PIN is now LOCKED (CKF_USER_PIN_LOCKED)",
        { FinalTry: true } => "the token reports ONE try left before the PIN locks (CKF_USER_PIN_FINAL_TRY)",
        { CountLow: true } => "the token reports few tries left (CKF_USER_PIN_COUNT_LOW)",
        _ => "the token does not report fewer tries left (no CKF_USER_PIN_COUNT_LOW/FINAL_TRY/LOCKED flag)",
    };
}
