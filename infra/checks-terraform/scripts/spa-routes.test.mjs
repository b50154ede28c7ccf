// The CloudFront Function of the web app's behaviour (infra/terraform/modules/edge/spa-routes.js), run in a
// fresh V8 context as CloudFront runs it: routes get index.html, files stay what they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const source = readFileSync(
  fileURLToPath(new URL('../../terraform/modules/edge/spa-routes.js', import.meta.url)),
  'utf8',
);

function viewerRequest(uri) {
  const context = vm.createContext({});
  vm.runInContext(source, context);
  return context.handler({ request: { uri, method: 'GET', headers: {}, querystring: {} } }).uri;
}

test('the root and the routes of the app are index.html', () => {
  for (const uri of ['/', '/habits', '/habits/3f1c', '/settings/sessions', '/today/']) {
    assert.equal(viewerRequest(uri), '/index.html', uri);
  }
});

test('files of the build are served as they are', () => {
  for (const uri of ['/index.html', '/assets/index-C2imU4Mg.js', '/sw.js', '/manifest.webmanifest', '/icons/apple-touch-icon.png']) {
    assert.equal(viewerRequest(uri), uri);
  }
});
