//! A seeded xorshift generator for the property tests: small, fast, the same everywhere,
//! so a failing case comes back on every run.

pub(crate) struct TestRng(pub u64);

impl TestRng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// `n` of the `pieces`, picked at random, two in three followed by a space: generated
    /// text for the recognisers' property tests.
    pub fn text(&mut self, pieces: &[&str], n: usize) -> String {
        let mut text = String::new();
        for _ in 0..n {
            let x = self.next_u64();
            text.push_str(pieces[(x % pieces.len() as u64) as usize]);
            if !x.is_multiple_of(3) {
                text.push(' ');
            }
        }
        text
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}
