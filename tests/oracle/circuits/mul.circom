pragma circom 2.0.0;

// A tiny Groth16 test circuit for the phase-2 fixtures (tests/oracle/make-zkey-fixtures.sh).
// One public input (b), two private inputs (a, c), one output (y); coefficients other than 1
// (2, -5, 3) so that the r1cs and zkey coefficient encodings are exercised; an intermediate
// signal (t) that lands in the zkey's L section. 4 constraints + 2 public signals + 1 = 7 <= 8,
// so the domain is 8 and the power-4 ptau fixtures are big enough.
template Mul() {
    signal input a;
    signal input b;
    signal input c;
    signal input d;   // unused: its A/B/B2 points are the point at infinity
    signal output y;
    signal t;
    signal u;

    t <== a * b;
    u <== (a + 2 * b) * (c - 5);
    y <== t * c + 3 * u;
}

component main {public [b]} = Mul();
