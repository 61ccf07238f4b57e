//! The giftcard-doctor Yew app.
