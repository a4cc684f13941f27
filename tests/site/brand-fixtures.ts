/** Images for site.yaml's logo and favicon, as small as their formats allow. */

/** A logo as drawing programs write it: publishable. */
export const PLAIN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><title>Kestrel</title><rect width="120" height="40" fill="#0b6e4f"/></svg>';

/** Sets window.__xss when it runs: opened at its own address, an SVG runs its scripts on the site's origin. */
export const HOSTILE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=2</script><rect width="10" height="10"/></svg>';

/** A 1×1 PNG (a real one: Chromium draws it). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** An icon directory holding that PNG, as favicon.ico files do. */
export const ICO = Buffer.concat([
  Buffer.from([0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 32, 0]),
  Buffer.from(new Uint32Array([PNG.length, 22]).buffer),
  PNG,
]);
