import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Diaspora Nexus — GraphQL explorer</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the explorer…</div>
  <script src="/graphiql/assets/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultQuery: '# Diaspora Nexus\\n# Add {"Authorization": "Bearer <accessToken>"} under Headers to act as a user.\\n\\nquery Directory {\\n  organizations(search: "diaspora", first: 5) {\\n    totalCount\\n    nodes { name kind countriesOfOrigin { name } verification }\\n  }\\n}\\n',
      }),
    );
  </script>
</body>
</html>`;

/** GraphiQL served entirely from node_modules, so the explorer works offline (no CDN). */
export function mountExplorer(app: NestExpressApplication, { redirectRoot = true } = {}): void {
  const files: Record<string, string> = {
    'react.production.min.js': join(packageDir('react'), 'umd/react.production.min.js'),
    'react-dom.production.min.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    'graphiql.min.js': join(packageDir('graphiql'), 'graphiql.min.js'),
    'graphiql.min.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  };
  const http = app.getHttpAdapter().getInstance();
  http.get(
    '/graphiql/assets/:file',
    (req: { params: { file: string } }, res: { sendFile: (p: string) => void; sendStatus: (s: number) => void }) => {
      const file = files[req.params.file];
      if (file) res.sendFile(file);
      else res.sendStatus(404);
    },
  );
  http.get('/graphiql', (_req: unknown, res: { type: (t: string) => { send: (b: string) => void } }) =>
    res.type('html').send(PAGE),
  );
  // without a built portal, `/` opens the explorer
  if (redirectRoot) http.get('/', (_req: unknown, res: { redirect: (p: string) => void }) => res.redirect('/graphiql'));
}
