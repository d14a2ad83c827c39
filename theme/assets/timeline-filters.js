// Timeline filters: AND across groups, OR within a group, state in the URL (shareable; back and
// forward restore it). Without JavaScript the form stays hidden and the whole list shows.
// A deep link (#event-id) wins over the filters: the linked entry stays shown, so a shared link with
// both a filter and an anchor still lands on what it points at.
(function () {
  "use strict";
  var form = document.getElementById("tl-filters");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("li.tl-event[data-actors]"));
  var groups = { actor: "actors", type: "type", tag: "tags", place: "places", status: "status" };
  var status = form.querySelector(".tl-filter-status");
  // The words come from the plugin's translation table, carried by the form (builder/render/i18n);
  // an entry with plural forms is chosen by the page's language rules.
  var words = JSON.parse(form.getAttribute("data-words") || "{}");
  var plurals = new Intl.PluralRules(document.documentElement.lang || "en");

  function say(key, values) {
    var entry = words[key] || key;
    if (typeof entry === "object") entry = entry[plurals.select(values.n)] || entry.other;
    return entry.replace(/\{(\w+)\}/g, function (all, name) { return String(values[name]); });
  }

  function wanted() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    Object.keys(groups).forEach(function (name) { state[name] = params.getAll(name); });
    state.from = params.get("from") || "";
    state.to = params.get("to") || "";
    return state;
  }

  function matches(item, state) {
    for (var name in groups) {
      var chosen = state[name];
      if (!chosen.length) continue;
      var values = (item.getAttribute("data-" + groups[name]) || "").split(" ");
      if (!chosen.some(function (value) { return values.indexOf(value) >= 0; })) return false;
    }
    var time = item.querySelector("time");
    var when = time ? time.getAttribute("datetime") : "";
    if (state.from && (!when || when.slice(0, 7) < state.from)) return false;
    if (state.to && (!when || when.slice(0, 7) > state.to)) return false;
    return true;
  }

  function apply() {
    var state = wanted();
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.type === "checkbox") input.checked = state[input.name].indexOf(input.value) >= 0;
      if (input.type === "month") input.value = state[input.name];
    });
    var shown = 0, linked = linkedItem(), yielded = false;
    items.forEach(function (item) {
      var show = matches(item, state);
      if (show) shown += 1;
      if (!show && item === linked) yielded = true;
      item.hidden = !show && item !== linked;
    });
    // Hide the headings and lists of periods left empty.
    document.querySelectorAll("ol.tl-events").forEach(function (list) {
      var empty = !list.querySelector("li.tl-event:not([hidden])");
      list.hidden = empty;
      var heading = list.previousElementSibling;
      if (heading && heading.tagName === "H3") heading.hidden = empty;
    });
    document.querySelectorAll(".md-content h2[id]").forEach(function (heading) {
      var node = heading.nextElementSibling, any = false;
      while (node && node.tagName !== "H2") {
        if (node.matches("ol.tl-events") && !node.hidden) any = true;
        node = node.nextElementSibling;
      }
      heading.hidden = !any;
    });
    status.textContent = shown === items.length ? say("{n} event", { n: items.length })
      : say("{shown} of {n} events shown", { shown: shown, n: items.length });
    if (yielded) status.textContent += say(", and the linked event, which the filters leave out", {});
    return yielded;
  }

  function linkedItem() {
    var item = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    return item && items.indexOf(item) >= 0 ? item : null;
  }

  // The browser looked for the anchor while the entry was still hidden, so scroll to it ourselves.
  function revealLinked() {
    if (apply()) linkedItem().scrollIntoView();
  }

  function save() {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (input) {
      if (input.type === "checkbox" && input.checked) params.append(input.name, input.value);
      if (input.type === "month" && input.value) params.set(input.name, input.value);
    });
    var query = params.toString();
    // Keep the anchor: the URL must still reproduce what the reader sees, linked entry included.
    window.history.pushState(null, "", (query ? "?" + query : window.location.pathname) + window.location.hash);
    apply();
  }

  form.addEventListener("change", save);
  form.addEventListener("submit", function (event) { event.preventDefault(); save(); });
  form.addEventListener("reset", function () { window.setTimeout(save, 0); });
  window.addEventListener("popstate", apply);
  window.addEventListener("hashchange", revealLinked);
  // On a phone the bar folds into one button (CSS shows the button only there); the status line
  // stays visible, so a reader sees that filters are in force while the bar is folded.
  var intro = form.querySelector(".tl-filters-intro");
  if (intro) {
    intro.id = "tl-filters-intro";
    form.setAttribute("aria-describedby", intro.id);
  }
  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "tl-filters-toggle";
  toggle.textContent = say("Filter events", {});
  toggle.setAttribute("aria-expanded", "false");
  toggle.addEventListener("click", function () {
    var open = form.classList.toggle("tl-filters-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
  form.insertBefore(toggle, form.firstChild);
  if (status && status.parentNode) status.parentNode.classList.add("tl-filters-live");
  // Only one group's list open at a time in the bar: they drop down over the events.
  form.addEventListener("toggle", function (event) {
    if (!event.target.open) return;
    form.querySelectorAll("details.tl-facet[open]").forEach(function (other) {
      if (other !== event.target) other.open = false;
    });
  }, true);
  form.hidden = false;
  revealLinked();
})();
