// The development GraphQL IDE: GraphiQL served entirely from this gateway (React 18 and GraphiQL's
// UMD bundles from node_modules, a tiny page and start script), so it works on a machine with no
// internet. Apollo's own landing page would load its IDE from a CDN; it is disabled.
import path from 'node:path';
import { introspectionFromSchema, type GraphQLSchema } from 'graphql';
import type { Application, Handler, Request, Response } from './express';

export const IDE_PATH = '/ide';

/** Files the page loads, by URL under /ide: [package, file inside the package]. */
const ASSETS: Record<string, [string, string]> = {
  'react.production.min.js': ['react', 'umd/react.production.min.js'],
  'react-dom.production.min.js': ['react-dom', 'umd/react-dom.production.min.js'],
  'graphiql.min.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.min.css': ['graphiql', 'graphiql.min.css'],
};

export const IDE_ASSETS = Object.keys(ASSETS).map((file) => `${IDE_PATH}/${file}`);

// Everything the page needs comes from this origin; only styles may be inline (GraphiQL's
// components set some), and images and fonts may be data: URLs (GraphiQL's CSS embeds its fonts).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function idePage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Haven GraphQL</title>
    <link rel="stylesheet" href="${IDE_PATH}/graphiql.min.css" />
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading the GraphQL IDE…</div>
    <script src="${IDE_PATH}/react.production.min.js"></script>
    <script src="${IDE_PATH}/react-dom.production.min.js"></script>
    <script src="${IDE_PATH}/graphiql.min.js"></script>
    <script src="${IDE_PATH}/start.js"></script>
  </body>
</html>
`;
}

/**
 * Renders GraphiQL against this gateway's /graphql (same origin, JSON POSTs: CSRF-safe). The
 * schema for the Docs tab and completion comes from /ide/schema.json, so it shows before a token
 * is pasted (introspection through /graphql needs one), and the Headers tab (the token) is kept
 * in the browser's storage across reloads.
 */
export function ideStartScript(defaultQuery: string): string {
  return `(function () {
  var fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).href });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  function render(schema) {
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        schema: schema,
        defaultQuery: ${JSON.stringify(defaultQuery)},
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: true,
      }),
    );
  }
  fetch('${IDE_PATH}/schema.json')
    .then(function (response) { return response.ok ? response.json() : undefined; })
    .then(render, function () { render(undefined); });
})();
`;
}

function resolveAsset([pkg, file]: [string, string]): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Whether a request is a browser asking for a page (not a GraphQL client). */
export function wantsHtml(request: Request): boolean {
  return (
    request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
    'text/html'
  );
}

/**
 * Mounts the IDE: GET / (and GET /graphql from a browser with no query) answers the page; its
 * assets are under /ide. Only call this in development.
 */
export function mountIde(
  app: Application,
  options: {
    defaultQuery: string;
    /** The API schema the gateway serves, once loaded (for the IDE's Docs tab). */
    schema: () => GraphQLSchema | undefined;
  },
): void {
  const page = idePage();
  const startScript = ideStartScript(options.defaultQuery);
  const sendPage = (response: Response) =>
    response
      .status(200)
      .type('html')
      .set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      .set('Cache-Control', 'no-store')
      .send(page);

  app.get('/', (_request, response) => sendPage(response));
  const graphqlPage: Handler = (request, response, next) => {
    if (request.query.query === undefined && wantsHtml(request)) return sendPage(response);
    next();
  };
  app.get('/graphql', graphqlPage);
  // Development only, like the IDE: the schema is no secret there (it is in the repository).
  app.get(`${IDE_PATH}/schema.json`, (_request, response) => {
    const schema = options.schema();
    if (!schema) return response.status(503).json({ error: 'the schema is not loaded yet' });
    return response
      .status(200)
      .set('Cache-Control', 'no-store')
      .json(introspectionFromSchema(schema));
  });
  app.get(`${IDE_PATH}/start.js`, (_request, response) =>
    response.status(200).type('js').set('Cache-Control', 'no-store').send(startScript),
  );
  for (const [file, source] of Object.entries(ASSETS)) {
    const absolute = resolveAsset(source);
    app.get(`${IDE_PATH}/${file}`, (_request, response, next) =>
      response.sendFile(absolute, { maxAge: '1h' }, (error) => error && next(error)),
    );
  }
}
