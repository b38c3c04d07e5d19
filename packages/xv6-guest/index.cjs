"use strict";
// CommonJS twin of index.js (same API) for require() users; in Node only.
const { readFile } = require("node:fs/promises");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

const programs = Object.freeze([
  "README",
  "_cat",
  "_echo",
  "_forktest",
  "_fptest",
  "_grep",
  "_grind",
  "_init",
  "_kill",
  "_ln",
  "_ls",
  "_mkdir",
  "_mmapcat",
  "_mmapprivate",
  "_mmapreader",
  "_mmapshare",
  "_mmaptest",
  "_mmapwriter",
  "_rm",
  "_sh",
  "_stressfs",
  "_usertests",
  "_wc",
  "_zombie",
]);

const kernelUrl = pathToFileURL(join(__dirname, "prebuilt", "kernel"));

function programUrl(file) {
  if (!programs.includes(file)) throw new Error(`xv6-guest has no program ${file}`);
  return pathToFileURL(join(__dirname, "prebuilt", "user", file));
}

async function loadGuest() {
  const read = async (url) => new Uint8Array(await readFile(url));
  const [kernel, ...files] = await Promise.all([kernelUrl, ...programs.map(programUrl)].map(read));
  return {
    kernel,
    user: programs.map((file, i) => ({ name: file.replace(/^_/, ""), bytes: files[i] })),
  };
}

module.exports = { programs, kernelUrl, programUrl, loadGuest };
