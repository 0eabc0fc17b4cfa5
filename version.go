package recq

// Version is this release of the module, as its Git tag names it.
// recq version prints it for a build whose module version the Go
// toolchain did not record (a build from a working copy before the tag),
// and a test holds it to CHANGELOG.md's latest release and that release to
// the schema version it ships (docs/VERSIONS.md).
const Version = "v0.10.0"
