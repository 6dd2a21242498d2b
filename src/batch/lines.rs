//! JSON Lines input read as a stream: one line at a time, never more than the line limit of
//! one line held, and batches of lines bounded in count and bytes, so a run's memory follows
//! its largest article, not its input.

use std::io::{self, BufRead};

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
    input: R,
    max: usize,
    number: u64,
    /// The error that ended the input early: the run reports it after the records written.
    pub error: Option<io::Error>,
}

impl<R: BufRead> Lines<R> {
    pub(crate) fn new(input: R, max: usize) -> Lines<R> {
        Lines {
            input,
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

    /// The next lines: up to `count` of them, or fewer once they hold `bytes` bytes. Empty at
    /// the end of the input, or at an error (kept in [`Lines::error`]).
    pub(crate) fn batch(&mut self, count: usize, bytes: usize) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut held = 0;
        while lines.len() < count && held < bytes && self.error.is_none() {
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
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<(u64, Result<String, u64>)> {
        // A tiny buffer, so lines cross buffer boundaries.
        let mut l = Lines::new(io::BufReader::with_capacity(3, input), max);
        let mut out = Vec::new();
        loop {
            let batch = l.batch(2, usize::MAX);
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
        assert_eq!(l.batch(10, 6).len(), 2, "the line that passes the budget is the last");
        assert_eq!(l.batch(10, 6).len(), 1);
        assert!(l.batch(10, 6).is_empty());
    }
}
