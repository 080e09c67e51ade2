// Hand-written, no build step: details on hover and focus in the article reader, and name suggestions.
"use strict";

function showDetail(target) {
  const detail = document.getElementById("detail-" + target.dataset.detail);
  const tip = document.getElementById("tooltip");
  if (!detail || !tip) return;
  tip.innerHTML = detail.innerHTML;
  tip.hidden = false;
  const box = target.getBoundingClientRect();
  const left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
  tip.style.left = Math.max(window.scrollX + 4, left) + "px";
  tip.style.top = (window.scrollY + box.bottom + 6) + "px";
  markQuote(target.dataset.quote, true);
}

function hideDetail(target) {
  const tip = document.getElementById("tooltip");
  if (tip) tip.hidden = true;
  markQuote(target.dataset.quote, false);
}

function markQuote(quote, on) {
  if (!quote) return;
  document.querySelectorAll('[data-quote="' + CSS.escape(quote) + '"]').forEach((el) => el.classList.toggle("hot", on));
}

function detailTarget(event) {
  return event.target instanceof Element ? event.target.closest("[data-detail]") : null;
}

document.addEventListener("mouseover", (event) => { const t = detailTarget(event); if (t) showDetail(t); });
document.addEventListener("mouseout", (event) => { const t = detailTarget(event); if (t) hideDetail(t); });
document.addEventListener("focusin", (event) => { const t = detailTarget(event); if (t) showDetail(t); });
document.addEventListener("focusout", (event) => { const t = detailTarget(event); if (t) hideDetail(t); });

async function suggest(input) {
  const list = document.getElementById(input.getAttribute("list"));
  const typed = input.value.trim();
  if (!list || typed.length < 2) return;
  const answer = await fetch("/suggest.json?" + new URLSearchParams({ q: typed, kind: input.dataset.suggest }));
  if (!answer.ok) return;
  const found = await answer.json();
  list.replaceChildren(...found.suggestions.map((s) => {
    const option = document.createElement("option");
    option.value = s.id;
    option.label = s.name + (s.country ? " (" + s.country + ")" : "") + " · " + s.type;
    return option;
  }));
}

document.addEventListener("input", (event) => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.dataset.suggest) suggest(input);
});
