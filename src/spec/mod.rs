//! Protocol types of the CNI specification: versions, results of every version and their
//! conversions, error objects and their codes, `CNI_ARGS`, and the validation of names.
//! Nothing here runs a process or touches the system.

pub mod args;
pub mod as_libcni;
pub mod capabilities;
pub mod error;
pub mod gojson;
pub mod result;
pub mod validate;
pub mod version;
