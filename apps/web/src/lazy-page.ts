/** A route's `lazy` loader for a page module with a default export: one chunk per page. */
export const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});
