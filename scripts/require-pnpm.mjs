// prepublishOnly: packages depend on each other with `workspace:*`, which only `pnpm publish`
// (or `pnpm pack`) turns into version numbers. `npm publish` would ship the raw `workspace:*`.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by npm/pnpm at publish time, not by a turbo task
const agent = process.env.npm_config_user_agent ?? "";
if (!agent.startsWith("pnpm/")) {
  console.error(
    "publish with pnpm (pnpm publish or pnpm -r publish): npm would leave workspace:* in dependencies",
  );
  process.exit(1);
}
