// build.mjs: bundles the dashboard's code and data into files the server
// serves as they are, so running `dateline serve` needs no Node.js and no
// network: app.js (our code with the d3 modules and topojson-client),
// atlas.json (world-atlas's 1:110m countries, keyed by ISO 3166 alpha-3
// instead of numeric codes, because the store keeps alpha-3), and
// THIRD-PARTY.txt (the licences of everything bundled).
//
//   cd web && npm ci && npm run build
import { build } from 'esbuild';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(import.meta.url);

await build({
  entryPoints: [path.join(here, 'src/app.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  outfile: path.join(here, 'app.js'),
  banner: { js: '/* dateline dashboard, bundled by web/build.mjs; licences in THIRD-PARTY.txt */' },
});

// Numeric ISO 3166-1 codes to alpha-3, from Debian's iso-codes (a table of
// facts; scripts/install-deps.sh installs it).
const isoPath = '/usr/share/iso-codes/json/iso_3166-1.json';
if (!existsSync(isoPath)) throw new Error(isoPath + ' is missing: apt-get install iso-codes');
const alpha3 = {};
for (const c of JSON.parse(readFileSync(isoPath, 'utf8'))['3166-1']) alpha3[c.numeric] = c.alpha_3;
const atlas = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
// Kosovo has no ISO code; world-atlas leaves it without an id. dateline
// codes it XKX, as most news coders do.
const special = { Kosovo: 'XKX', 'N. Cyprus': 'CYP', Somaliland: 'SOM' };
for (const g of atlas.objects.countries.geometries) {
  g.id = alpha3[g.id] || special[g.properties.name] || null;
}
delete atlas.objects.land;
writeFileSync(path.join(here, 'atlas.json'), JSON.stringify(atlas));

// Licences of the bundled packages, each with its version.
const lock = JSON.parse(readFileSync(path.join(here, 'package-lock.json'), 'utf8'));
const bundled = Object.entries(lock.packages)
  .filter(([p, info]) => p.startsWith('node_modules/') && !info.dev)
  .map(([p, info]) => ({ name: p.slice('node_modules/'.length), version: info.version, license: info.license }))
  .sort((a, b) => a.name.localeCompare(b.name));
let text = 'Third-party code and data bundled into web/app.js and web/atlas.json\n' +
  '(by web/build.mjs from the npm packages in web/package-lock.json).\n' +
  'world-atlas is derived from Natural Earth (public domain).\n\n';
for (const b of bundled) {
  text += `== ${b.name} ${b.version} (${b.license})\n\n`;
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) {
    const p = path.join(here, 'node_modules', b.name, f);
    if (existsSync(p)) { text += readFileSync(p, 'utf8').trim() + '\n\n'; break; }
  }
}
writeFileSync(path.join(here, 'THIRD-PARTY.txt'), text);
console.log(`web: app.js, atlas.json, THIRD-PARTY.txt (${bundled.length} packages)`);
