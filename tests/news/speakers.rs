//! speakers

#[allow(unused_imports)]
use super::*;
