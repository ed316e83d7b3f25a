/*
 * Same-origin static assets, embedded so the build has nothing to copy and the CSP can stay
 * `script-src 'self'; style-src 'self'` with no inline code. System fonts only: no web fonts,
 * nothing from another origin.
 */

export const TIPLINE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","Noto Sans Myanmar","Noto Sans Khmer","Noto Sans Lao","Noto Sans Thai",sans-serif;color:#1b1b1b;background:#f6f5f1}
.bar{display:flex;justify-content:space-between;align-items:center;gap:.5rem;padding:.5rem .75rem;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:2}
.bar .site{font-weight:600;color:#1b1b1b;text-decoration:none}
.quick-exit{display:inline-block;min-height:44px;padding:.6rem 1rem;border-radius:.4rem;background:#b3261e;color:#fff;font-weight:700;text-decoration:none;white-space:nowrap}
.quick-exit:focus,.quick-exit:hover{background:#8c1d18;outline:3px solid #f0b400}
main{max-width:40rem;margin:0 auto;padding:1rem .9rem 2rem}
h1{font-size:1.45rem;line-height:1.25;margin:.5rem 0 .75rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
p{margin:.4rem 0 .8rem}
.lede{color:#333}
.field{margin:1.1rem 0}
label,legend{display:block;font-weight:600;margin-bottom:.3rem}
.hint{display:block;font-weight:400;color:#555;font-size:.95rem;margin:.1rem 0 .35rem}
.tag{font-weight:400;color:#666;font-size:.9rem}
textarea,input[type=text],input[type=tel],input[type=search],select{width:100%;min-height:44px;padding:.6rem;font:inherit;border:2px solid #777;border-radius:.35rem;background:#fff;color:inherit}
textarea{min-height:9rem;resize:vertical}
input[type=file]{width:100%;min-height:44px;font:inherit}
fieldset{border:0;padding:0;margin:1.1rem 0}
.choices{display:flex;flex-wrap:wrap;gap:.5rem}
.choices label{display:flex;align-items:center;gap:.4rem;min-height:44px;padding:.4rem .8rem;border:2px solid #777;border-radius:.35rem;background:#fff;font-weight:400}
.choices input{width:1.25rem;height:1.25rem;margin:0}
button,.button{display:inline-block;min-height:48px;width:100%;padding:.75rem 1rem;border:0;border-radius:.4rem;background:#1f5f8b;color:#fff;font:inherit;font-weight:700;text-align:center;text-decoration:none;cursor:pointer}
button:focus,.button:focus,textarea:focus,input:focus,select:focus,a:focus{outline:3px solid #f0b400;outline-offset:1px}
.warning{border-inline-start:4px solid #b3261e;background:#fff4f2;padding:.6rem .8rem;margin:.4rem 0}
.notice{border-inline-start:4px solid #1f5f8b;background:#eef5fa;padding:.6rem .8rem}
.errors{border:2px solid #b3261e;background:#fff4f2;padding:.6rem .9rem;border-radius:.35rem}
.danger{border:2px solid #b3261e;background:#fff;padding:.6rem .9rem;border-radius:.35rem}
.danger ul{list-style:none;padding:0;margin:.25rem 0}
.danger a{font-size:1.35rem;font-weight:700;color:#b3261e}
.codename{font:700 1.6rem/1.4 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.05em;background:#fff;border:2px dashed #1f5f8b;padding:.6rem;text-align:center;word-spacing:.2em;user-select:all}
.thread{list-style:none;padding:0}
.thread li{background:#fff;border:1px solid #ddd;border-radius:.35rem;padding:.6rem .8rem;margin:.5rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.thread .who{display:block;font-weight:600;font-size:.9rem;color:#555;white-space:normal}
footer{max-width:40rem;margin:0 auto;padding:1rem .9rem 2rem;color:#444;font-size:.95rem}
.languages ul{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;margin:.5rem 0}
.languages a{display:inline-block;min-height:44px;padding:.55rem .7rem;border:1px solid #bbb;border-radius:.35rem;background:#fff;color:#1b1b1b;text-decoration:none}
.languages a[aria-current]{border-color:#1f5f8b;font-weight:700}
summary{min-height:44px;padding:.5rem 0;cursor:pointer;font-weight:600}
nav.links{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0}
nav.links a{color:#1f5f8b}
body.admin main{max-width:72rem}
body.admin button{width:auto}
.bar nav.links{margin:0;align-items:center}
form.inline{display:inline}
button.link{background:none;color:#1f5f8b;min-height:0;padding:0;font-weight:400;text-decoration:underline}
.bar{flex-wrap:wrap}
.filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:.8rem 0 1.2rem;padding:.8rem 1rem;background:#fff;border:1px solid #ddd;border-radius:.4rem}
.filters>strong{flex-basis:100%}
.filters label{display:flex;flex-direction:column;gap:.15rem;margin:0;font-weight:600;font-size:.95rem}
.filters .hint{margin:0;font-size:.85rem}
.filters input,.filters select,.filters button{width:auto;height:2.5rem;min-height:0;padding:.3rem .5rem;line-height:1.2;font-size:1rem}
.filters input,.filters select{font-weight:400}
.filters button{padding:.3rem 1.1rem}
.filters input[name=labels]{min-width:16rem}
.table-wrap{overflow-x:auto;border:1px solid #ddd;border-radius:.4rem;background:#fff}
table.tips{width:100%;border-collapse:collapse;background:#fff}
table.tips th,table.tips td{border-bottom:1px solid #e4e2dc;padding:.5rem .6rem;text-align:start;vertical-align:top}
table.tips tr:last-child td{border-bottom:0}
table.tips th{font-size:.9rem;color:#444;background:#faf9f6;white-space:nowrap}
table.tips td.when{white-space:nowrap;font-variant-numeric:tabular-nums}
.time-note{display:block}
@media (max-width:40rem){.filters{flex-direction:column;align-items:stretch}.filters input,.filters select,.filters button,.filters input[name=labels]{width:100%;min-width:0}}
.danger-row{background:#fff4f2}
.flag{color:#b3261e}
.label{display:inline-block;margin:0 .25rem;padding:0 .4rem;border-radius:.3rem;background:#eef5fa;font-size:.85rem}
.message{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #ddd;padding:.6rem .8rem}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.fields dt{font-weight:600}
dl.fields dd{margin:0;overflow-wrap:anywhere}
.qr svg{width:14rem;height:14rem;background:#fff}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}
`
  .trim()
  .replace(/\n/g, '');

/** Quick exit with JavaScript: replace this page and its history entry; Esc does the same. */
export const QUICK_EXIT_JS = `(function () {
  var link = document.getElementById('quick-exit');
  if (!link) return;
  var target = link.getAttribute('href');
  function leave(event) {
    if (event) event.preventDefault();
    try { document.body.innerHTML = ''; document.title = ''; } catch (e) {}
    window.location.replace(target);
  }
  link.addEventListener('click', leave);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' || event.key === 'Esc') leave(event);
  });
})();
`;
