//! JSON Lines input read as a stream: one line at a time, never more than the line limit of
//! one line held, and batches of lines bounded in count and bytes, so a run's memory follows
//! its largest article, not its input.

use std::io::{self, BufRead, BufReader, Read};

/// One line of the input.
#[derive(Debug)]
pub(crate) struct Line {
    /// From 1.
    pub number: u64,
    /// What the line holds, without its line break.
    pub body: Body,
}

/// A line's bytes, or only their count when there were too many to keep.
#[derive(Debug)]
pub(crate) enum Body {
    Kept(Vec<u8>),
    TooLong { len: u64 },
}

/// The lines of a JSON Lines input, each kept up to `max` bytes.
pub(crate) struct Lines<R> {
    input: BufReader<R>,
    max: usize,
    number: u64,
    /// The error that ended the input early: the run reports it after the records written.
    pub error: Option<io::Error>,
}

impl<R: Read> Lines<R> {
    pub(crate) fn new(input: R, max: usize) -> Lines<R> {
        Lines {
            input: BufReader::with_capacity(1 << 20, input),
            max,
            number: 0,
            error: None,
        }
    }

    /// Lines read so far.
    pub(crate) fn read(&self) -> u64 {
        self.number
    }

    /// The next line; a line past the limit is skipped to its end without being kept.
    fn read_line(&mut self) -> io::Result<Option<Line>> {
        let mut kept = Vec::new();
        let mut len: u64 = 0;
        let mut ended = false;
        while !ended {
            let buf = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                // The end: a last line without a line break is still a line.
                if len == 0 {
                    return Ok(None);
                }
                break;
            }
            let (part, used) = match memchr::memchr(b'\n', buf) {
                Some(i) => (&buf[..i], i + 1),
                None => (buf, buf.len()),
            };
            ended = used > part.len();
            len += part.len() as u64;
            if len <= self.max as u64 {
                kept.extend_from_slice(part);
            } else if !kept.is_empty() {
                kept = Vec::new(); // Past the limit: give the memory back at once.
            }
            self.input.consume(used);
        }
        self.number += 1;
        let body = match len <= self.max as u64 {
            true => {
                if kept.last() == Some(&b'\r') {
                    kept.pop(); // CRLF line ends
                }
                Body::Kept(kept)
            }
            false => Body::TooLong { len },
        };
        Ok(Some(Line {
            number: self.number,
            body,
        }))
    }

    /// The next lines: up to `count` of them, or fewer once they hold `bytes` bytes, or
    /// those that have come when no more has (a producer that waits for a line's records
    /// before it writes the next gets them). Empty at the end of the input, or at an error
    /// (kept in [`Lines::error`]). `true` when nothing more has come: the records of these
    /// lines are to be written before the next read, which may wait.
    pub(crate) fn batch(&mut self, count: usize, bytes: usize) -> (Vec<Line>, bool) {
        let mut lines = Vec::new();
        let mut held = 0;
        while lines.len() < count && held < bytes && self.error.is_none() {
            if !lines.is_empty() && self.input.buffer().is_empty() {
                break;
            }
            match self.read_line() {
                Ok(Some(line)) => {
                    held += match &line.body {
                        Body::Kept(b) => b.len(),
                        Body::TooLong { .. } => 0,
                    };
                    lines.push(line);
                }
                Ok(None) => break,
                Err(e) => self.error = Some(e),
            }
        }
        let waiting = self.input.buffer().is_empty();
        (lines, waiting)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<(u64, Result<String, u64>)> {
        // Three bytes a read, so lines cross reads.
        let mut l = Lines::new(Trickle(input), max);
        let mut out = Vec::new();
        loop {
            let (batch, _) = l.batch(usize::MAX, usize::MAX);
            if batch.is_empty() {
                break;
            }
            for line in batch {
                let body = match line.body {
                    Body::Kept(b) => Ok(String::from_utf8(b).unwrap()),
                    Body::TooLong { len } => Err(len),
                };
                out.push((line.number, body));
            }
        }
        assert!(l.error.is_none());
        out
    }

    /// Input that comes three bytes at a time, as from a slow pipe.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(3).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn lines_are_numbered_and_kept_up_to_the_limit() {
        let got = lines(b"{\"a\":1}\r\n\nlong line here\n{}", 10);
        assert_eq!(
            got,
            vec![
                (1, Ok("{\"a\":1}".to_string())),
                (2, Ok(String::new())),
                (3, Err(14)),
                (4, Ok("{}".to_string())),
            ]
        );
    }

    #[test]
    fn a_final_line_break_ends_the_last_line_and_adds_none() {
        assert_eq!(lines(b"x\n", 10), vec![(1, Ok("x".to_string()))]);
        assert_eq!(lines(b"", 10), vec![]);
        assert_eq!(lines(b"\n", 10), vec![(1, Ok(String::new()))]);
    }

    #[test]
    fn a_batch_stops_at_its_byte_budget() {
        let mut l = Lines::new(&b"aaaa\nbbbb\ncccc\n"[..], 100);
        // (A slice comes whole: the budget, not the reads, cuts the batches.)
        assert_eq!(l.batch(10, 6).0.len(), 2, "the line that passes the budget is the last");
        assert_eq!(l.batch(10, 6).0.len(), 1);
        assert!(l.batch(10, 6).0.is_empty());
    }

    #[test]
    fn a_batch_holds_what_has_come_without_waiting_for_more() {
        let mut l = Lines::new(Trickle(b"ab\ncd\n"), 100);
        let mut next = || {
            let (lines, waiting) = l.batch(10, 100);
            (lines.len(), waiting)
        };
        assert_eq!(next(), (1, true), "the first read brought one line, and no more came");
        assert_eq!(next(), (1, true));
        assert_eq!(next(), (0, true));
    }
}
