// Coding on the text, for /analysis/{id}/code. The page works without this file: it adds selecting
// words to code them (their character offsets go in the form) and keys to move between items.
(function () {
  "use strict";

  var current = null;

  function itemOf(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el ? el.closest(".coding-item") : null;
  }

  // Offsets count the characters of the text nodes, which the server renders as the stored text exactly.
  function offset(textEl, container, at) {
    var range = document.createRange();
    range.setStart(textEl, 0);
    range.setEnd(container, at);
    return range.toString().length;
  }

  function field(item, name) {
    if (name === "start" || name === "end") return item.querySelector("input[name=" + name + "]");
    return document.getElementById(name + "-" + item.dataset.item);
  }

  function clearSelection(item) {
    var start = field(item, "start"), end = field(item, "end"), note = field(item, "selection");
    if (start) start.value = "";
    if (end) end.value = "";
    if (note) note.textContent = "";
  }

  function takeSelection() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var range = sel.getRangeAt(0);
    var item = itemOf(range.startContainer);
    if (!item || item !== itemOf(range.endContainer)) return;
    var textEl = field(item, "text");
    if (!textEl || !textEl.contains(range.startContainer) || !textEl.contains(range.endContainer)) return;
    var text = textEl.textContent;
    var start = offset(textEl, range.startContainer, range.startOffset);
    var end = offset(textEl, range.endContainer, range.endOffset);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start >= end) return;
    field(item, "start").value = start;
    field(item, "end").value = end;
    field(item, "passage").value = text.slice(start, end);
    field(item, "selection").textContent = "Coding the selected words (characters " + (start + 1) + " to " + end + ").";
    current = item;
  }

  document.addEventListener("mouseup", function () { window.setTimeout(takeSelection, 0); });
  document.addEventListener("keyup", function (e) { if (e.shiftKey) takeSelection(); });

  // Typing words by hand replaces a selection.
  document.addEventListener("input", function (e) {
    if (e.target.classList && e.target.classList.contains("coding-apply__passage")) {
      var item = itemOf(e.target);
      if (item) clearSelection(item);
    }
  });

  document.addEventListener("focusin", function (e) {
    var item = itemOf(e.target);
    if (item) current = item;
  });

  function move(step) {
    var all = Array.prototype.slice.call(document.querySelectorAll(".coding-item"));
    if (all.length === 0) return;
    var at = current ? all.indexOf(current) : -1;
    var next = all[Math.max(0, Math.min(all.length - 1, at + step))];
    if (at < 0) next = all[0];
    current = next;
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
    if (e.key === "Escape" && typing) {
      var item = itemOf(t);
      if (item) { e.preventDefault(); item.focus(); }
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") { e.preventDefault(); move(1); }
    else if (e.key === "k") { e.preventDefault(); move(-1); }
    else if (e.key === "c" || e.key === "/") {
      var target = current || document.querySelector(".coding-item");
      var input = target && field(target, "code");
      if (input) { e.preventDefault(); current = target; input.focus(); }
    }
  });

  // After htmx puts back the item just coded, keep the analyst's place on it (on the item, so j and k work
  // straight away; on its code box when it shows a problem). htmx refocuses the box on swap, so this runs after.
  function settle(e) {
    // The swapped-out section is detached by now: find its replacement by id.
    var old = e.detail && (e.detail.target || e.detail.elt);
    var item = old && old.id ? document.getElementById(old.id) : null;
    if (item && item.classList.contains("coding-item")) {
      current = item;
      var input = field(item, "code");
      if (input && item.querySelector(".nhsuk-error-message")) input.focus();
      else item.focus();
    }
  }
  document.addEventListener("htmx:afterSwap", settle);
  document.addEventListener("htmx:afterSettle", settle);
})();
