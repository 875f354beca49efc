//! What travels in a share link, and back in a feedback reply.
//!
//! The link is the message: there is no server. A tour goes to the buyer as
//! an [`Itinerary`], a type that only has fields a buyer may see (no private
//! notes, no budget, no other buyers or tours). The buyer's ratings come back
//! as a [`Reply`]. Both travel in the URL fragment, which browsers never send
//! to the host: `<version>.<base64url(raw DEFLATE(compact JSON))>`.
//!
//! Decoding never trusts the text: the fragment and the inflated JSON both
//! have hard caps, and every way a link can be broken has its own error.
//!
//! - [`payload`]: what a link and a reply carry (only fields a buyer may see).
//! - [`wire`]: format 2's binary layout of those payloads.
//! - [`link`]: the fragment around it: version, compression, caps, errors.
//! - [`reply`]: a buyer's reply matched to this device's tour.
//! - [`draft`]: a buyer's reactions kept on the phone until sent.
mod draft;
mod format1;
mod link;
mod payload;
mod reply;
pub mod wire;

pub use draft::*;
pub use link::*;
pub use payload::*;
pub use reply::*;
