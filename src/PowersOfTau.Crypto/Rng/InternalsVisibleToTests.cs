using System.Runtime.CompilerServices;

// ChaChaRng.SetBlockCounterForTests: lets the tests check the 128-bit counter carry against ffjavascript.
[assembly: InternalsVisibleTo("PowersOfTau.Crypto.Tests")]
