//! The optimiser's repeatable random numbers.

/// A small deterministic random source (xorshift), seeded from the input size.
/// The same seed gives the same numbers, so the optimiser (and the tests
/// and benchmarks that make random tours) are repeatable.
pub struct Rng(u64);

impl Rng {
    /// A source seeded with `seed` (0 is replaced, xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Self {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// A random matrix of `m` places for tests: legs of `least` to
/// `least + spread - 1` minutes, each way drawn on its own (one-way).
#[cfg(test)]
pub(crate) fn random_legs(rng: &mut Rng, m: usize, least: u32, spread: usize) -> Vec<Vec<u32>> {
    (0..m)
        .map(|a| {
            (0..m)
                .map(|b| {
                    if a == b {
                        0
                    } else {
                        least + rng.below(spread) as u32
                    }
                })
                .collect()
        })
        .collect()
}
