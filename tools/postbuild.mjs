// Trunk post-build hook (Trunk.toml): works on the staged build before it becomes dist/.
// 1. index.html gets a strict Content-Security-Policy, with the hash of Trunk's inline loader.
// 2. sw.js gets the build's version and the list of every asset to cache.
// 3. chiso.html: the single-file edition (CSS, JS glue, wasm, the two workers and icon inlined)
//    that works when opened from the file system, with a CSP that allows exactly its inline script
//    and style, and workers from blob: URLs.
// Node's standard library only.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR unset)');
const read = (name) => readFileSync(join(staging, name));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function policy({ scripts, styles, workers = [] }) {
    return [
        "default-src 'self'",
        ...(workers.length ? [`worker-src ${workers.join(' ')}`] : []),
        `script-src 'self' 'wasm-unsafe-eval' ${scripts.join(' ')}`.trim(),
        `style-src 'self' ${styles.join(' ')}`.trim(),
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
}

const meta = (csp) => `<meta http-equiv="Content-Security-Policy" content="${csp}">`;

let index = read('index.html').toString();
const loader = index.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!loader) throw new Error('Trunk loader script not found in index.html');
index = index.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    ${meta(policy({ scripts: [sha256(loader[1])], styles: [] }))}`);
writeFileSync(join(staging, 'index.html'), index);

// The single-file edition.
const glueName = index.match(/from '\.\/(chiso-web-[^']+\.js)'/)[1];
const wasmName = index.match(/module_or_path: '\.\/(chiso-web-[^']+_bg\.wasm)'/)[1];
const cssName = index.match(/href="\.\/(main-[^"]+\.css)"/)[1];
const glue = read(glueName)
    .toString()
    .replace(/^export \{[^}]*\};?\s*$/m, '')
    .replace(/^export (class|function|const) /gm, '$1 ');
const wasm = read(wasmName).toString('base64');
const script = `\n${glue}\nconst chisoWasm = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));\nawait __wbg_init({ module_or_path: chisoWasm });\n`;
const style = `\n${read(cssName).toString()}\n`;
const icon = `data:image/svg+xml;base64,${read('icons/icon.svg').toString('base64')}`;
// Each worker travels as the text of an inert script element; the page starts it from a
// blob: URL (a worker cannot be loaded from file://).
const workerScript = (name) => {
    const text = `${read(`${name}.js`)}\nwasm_bindgen({ module_or_path: Uint8Array.from(atob("${read(`${name}_bg.wasm`).toString('base64')}"), (c) => c.charCodeAt(0)) });\n`;
    if (/<\/script|<!--/i.test(text)) throw new Error(`the ${name} script cannot be embedded as raw text`);
    return `<script type="text/plain" id="${name}-source">${text}</script>`;
};
let single = index
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, meta(policy({ scripts: [sha256(script)], styles: [sha256(style)], workers: ['blob:'] })))
    .replace('</body>', () => `${workerScript('chiso-worker')}\n${workerScript('chiso-writer')}\n</body>`)
    .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${style}</style>`)
    .replace(/<script type="module">[\s\S]*?<\/script>/, () => `<script type="module">${script}</script>`)
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
    .replace(/<link rel="manifest"[^>]*>/, '')
    .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml">`);
writeFileSync(join(staging, 'chiso.html'), single);

// The service worker's asset list: everything staged, and the version: a hash of all of it.
const files = [];
const walk = (dir) => {
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name !== 'sw.js') files.push(relative(staging, path).split('\\').join('/'));
    }
};
walk(staging);
files.sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(read(f));
const assets = ['./', ...files.map((f) => `./${f}`)];
const sw = read('sw.js')
    .toString()
    .replace('__CHISO_VERSION__', version.digest('hex').slice(0, 16))
    .replace('__CHISO_ASSETS__', JSON.stringify(assets));
writeFileSync(join(staging, 'sw.js'), sw);
console.log(`postbuild: CSP, sw.js (${assets.length} assets), chiso.html (${single.length} bytes)`);
