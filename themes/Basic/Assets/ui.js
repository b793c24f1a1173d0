// The theme's behaviour on every page; everything here is progressive: pages work without it.
(function () {
    "use strict";

    // Tables turn into cards on narrow screens: each cell is labelled with its column's heading (CSS shows the label).
    function labelCells(table) {
        var headings = [];
        table.querySelectorAll("thead tr:first-child th").forEach(function (th) {
            var span = th.colSpan || 1;
            for (var i = 0; i < span; i++) { headings.push(th.textContent.trim()); }
        });
        if (headings.length === 0) { return; }
        table.querySelectorAll("tbody tr, tfoot tr").forEach(function (row) {
            var column = 0;
            Array.prototype.forEach.call(row.cells, function (cell) {
                if (!cell.hasAttribute("data-label")) { cell.setAttribute("data-label", headings[column] || ""); }
                column += cell.colSpan || 1;
            });
        });
        table.classList.add("stackable");
    }

    // A table is stacked on a phone, and wherever its columns do not fit its place (e.g. beside the navigation).
    function fitTables() {
        document.querySelectorAll("table.stackable").forEach(function (table) {
            table.classList.remove("stacked");
            var room = table.parentElement ? table.parentElement.clientWidth : window.innerWidth;
            if (window.innerWidth <= 720 || table.scrollWidth > room + 1) { table.classList.add("stacked"); }
        });
    }

    // The notice of the last action shows as a toast that fades by itself (its text stays for assistive technology)
    // and goes on a click on its close button, which carries no text of its own.
    function toast(notice) {
        notice.classList.add("toast");
        var close = document.createElement("button");
        close.type = "button";
        close.className = "toast-close";
        close.setAttribute("aria-label", notice.getAttribute("data-close") || "Close");
        close.innerHTML = '<svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true"><path d="M18 6 6 18"/><path d="m6 6 12 12"/></svg>';
        close.addEventListener("click", function () { notice.remove(); });
        notice.appendChild(close);
        setTimeout(function () { notice.classList.add("toast-leaving"); }, 8000);
    }

    // Collapsed navigation groups stay collapsed from page to page.
    function rememberGroups() {
        var key = "retailcrm.nav.collapsed";
        var collapsed;
        try { collapsed = JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { collapsed = []; }
        document.querySelectorAll(".nav-group").forEach(function (group) {
            var name = group.getAttribute("data-group");
            if (collapsed.indexOf(name) >= 0 && !group.querySelector("a.active")) { group.open = false; }
            group.addEventListener("toggle", function () {
                collapsed = collapsed.filter(function (g) { return g !== name; });
                if (!group.open) { collapsed.push(name); }
                try { localStorage.setItem(key, JSON.stringify(collapsed)); } catch (e) { /* private mode: not remembered */ }
            });
        });
    }

    function start() {
        document.querySelectorAll("main table:not(.no-stack)").forEach(labelCells);
        fitTables();
        var resizing;
        window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(fitTables, 150); });
        var notice = document.getElementById("notice");
        if (notice) { toast(notice); }
        rememberGroups();
        document.addEventListener("keydown", function (event) {
            var toggle = document.getElementById("nav-toggle");
            if (event.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; }
        });
    }

    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
