/**
 * The one script of the HTML report: the filter box over the notes (and
 * opening every group before printing). It is a constant, so the page's
 * Content-Security-Policy can allow exactly this script by its hash and no
 * other; texts it needs come from data attributes.
 */
export const SCRIPT = `(function(){
var root=document.currentScript&&document.currentScript.closest('.tf-report')||document;
var input=root.querySelector('.tf-filter input');
var count=root.querySelector('.tf-count');
var empty=root.querySelector('.tf-empty');
var groups=[].slice.call(root.querySelectorAll('details.tf-group'));
var items=[].slice.call(root.querySelectorAll('ul.tf-notes>li'));
var text=items.map(function(li){return li.textContent.toLowerCase();});
function show(shown){if(count){count.textContent=count.getAttribute('data-template').replace('{shown}',shown).replace('{total}',items.length);}}
function apply(){
var words=(input.value||'').toLowerCase().split(/\\s+/).filter(Boolean);
var shown=0;
items.forEach(function(li,i){var ok=words.every(function(w){return text[i].indexOf(w)!==-1;});li.hidden=!ok;if(ok)shown++;});
groups.forEach(function(g){var n=g.querySelectorAll('ul.tf-notes>li:not([hidden])').length;g.hidden=n===0;var c=g.querySelector('.tf-group-count');if(c)c.textContent=words.length?n+' / '+c.getAttribute('data-total'):c.getAttribute('data-total');if(words.length&&n>0)g.open=true;});
if(empty)empty.hidden=shown!==0;
show(shown);
}
if(input){input.addEventListener('input',apply);if(input.value)apply();else show(items.length);}
window.addEventListener('beforeprint',function(){groups.forEach(function(g){g.open=true;});});
})();`;

/** SHA-256 of {@link SCRIPT}, base64, for the Content-Security-Policy (checked by a test). */
export const SCRIPT_HASH = 'sha256-ZcFaDbNZLfNb5AnYfixzcYdh8p9VnEfMB+BJUHkRKuY=';
