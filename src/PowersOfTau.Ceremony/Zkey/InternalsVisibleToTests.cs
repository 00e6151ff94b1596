using System.Runtime.CompilerServices;

// The wasmcurves emulation (Zkey/WasmcurvesSubAffine.cs) is tested directly against ffjavascript's vectors.
[assembly: InternalsVisibleTo("PowersOfTau.Ceremony.Tests")]
