using Net.Pkcs11Interop.Common;

namespace PowersOfTau.Tokens.Errors;

/// <summary>
/// Every token error message is built here (STYLE.md habit 8), so the wording is consistent and no call
/// site can leak a PIN or random bytes into a message.
/// </summary>
public static class TokenErrors
{
    /// <summary>A one-line explanation of a CKR_* code from <paramref name="operation"/> on <paramref name="what"/>.</summary>
    public static TokenException FromReturnValue(CKR rv, string operation, string what, Exception? inner = null) =>
        new($"{what}: {operation} failed with {rv} ({Explain(rv)})", rv.ToString(), inner);

    /// <summary>Wraps a Pkcs11Interop exception (which carries the CKR code) for <paramref name="what"/>.</summary>
    public static TokenException From(Pkcs11Exception e, string operation, string what) => FromReturnValue(e.RV, operation, what, e);

    /// <summary>The wrong PIN was given; says what the token reports about the tries left.</summary>
    public static TokenException WrongPin(string token, TokenPinStatus status) =>
        new($"token '{token}': wrong PIN (CKR_PIN_INCORRECT); {status.Describe()}", nameof(CKR.CKR_PIN_INCORRECT));

    /// <summary>The user PIN is blocked.</summary>
    public static TokenException PinLocked(string token) =>
        new($"token '{token}': the user PIN is locked (CKR_PIN_LOCKED); unblock it with the SO PIN (e.g. pkcs11-tool --init-pin --login-type so)",
            nameof(CKR.CKR_PIN_LOCKED));

    /// <summary>Short human explanation of the common CKR codes; the name itself is always shown too.</summary>
    public static string Explain(CKR rv) => rv switch
    {
        CKR.CKR_PIN_INCORRECT => "wrong PIN",
        CKR.CKR_PIN_LOCKED => "the PIN is locked",
        CKR.CKR_PIN_LEN_RANGE => "the PIN is too short or too long for this token",
        CKR.CKR_PIN_EXPIRED => "the PIN has expired and must be changed",
        CKR.CKR_USER_NOT_LOGGED_IN => "log in first (give a pin-source)",
        CKR.CKR_USER_PIN_NOT_INITIALIZED => "the token has no user PIN yet; initialise it with the SO PIN",
        CKR.CKR_TOKEN_NOT_PRESENT => "no token in the slot; insert it",
        CKR.CKR_TOKEN_NOT_RECOGNIZED => "the module does not recognise the token",
        CKR.CKR_DEVICE_REMOVED => "the token was removed",
        CKR.CKR_DEVICE_ERROR => "the device reported an error; re-insert it or check its daemon",
        CKR.CKR_DEVICE_MEMORY => "the device is out of memory",
        CKR.CKR_SLOT_ID_INVALID => "no such slot",
        CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED => "the session was closed underneath us",
        CKR.CKR_CRYPTOKI_NOT_INITIALIZED => "the module was finalised by someone else in this process",
        CKR.CKR_RANDOM_NO_RNG => "this token has no random number generator",
        CKR.CKR_MECHANISM_INVALID => "the token does not offer this mechanism",
        CKR.CKR_KEY_TYPE_INCONSISTENT => "the key does not fit the mechanism",
        CKR.CKR_KEY_FUNCTION_NOT_PERMITTED => "the key may not be used for this operation (CKA_SIGN false?)",
        CKR.CKR_DATA_LEN_RANGE => "the input has the wrong length for this key",
        CKR.CKR_FUNCTION_NOT_SUPPORTED => "the module does not implement this function",
        CKR.CKR_GENERAL_ERROR => "the module reported a general error",
        CKR.CKR_HOST_MEMORY => "the module ran out of host memory",
        CKR.CKR_ARGUMENTS_BAD => "the module rejected the arguments",
        _ => "see the PKCS#11 specification",
    };
}
