// Package js is recq for JavaScript: the npm package @recq/recq, whose
// files sit in this directory (README.md; docs/BROWSER.md), around the
// browser module that package web embeds. It has no Go API; its tests pack
// the package with npm, install the tarball into a project of their own as
// a user would, and use it from node, from react-querybuilder, from tsc and
// from chromium.
package js
