// Keyboard shortcuts of every page: "/" or Ctrl+K (Cmd+K) puts the cursor in the header's search box.
(function () {
    "use strict";
    function typing(target) {
        return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    }
    document.addEventListener("keydown", function (event) {
        var search = document.getElementById("global-search");
        if (!search) { return; }
        var slash = event.key === "/" && !typing(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey;
        var commandK = (event.ctrlKey || event.metaKey) && (event.key === "k" || event.key === "K");
        if (slash || commandK) {
            event.preventDefault();
            search.focus();
            search.select();
        }
    });
})();
