/// The lifecycle edits (allocate, release, reserve, review, offboard), as pure functions from the
/// inventory as read to the files to write; each lives in a file of its own as an extension.
public enum Lifecycle {}
