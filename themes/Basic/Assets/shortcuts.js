// Keyboard shortcuts of every page: "/" or Ctrl+K (Cmd+K) puts the cursor in the header's search box;
// "?" opens the help about the page (the header's help link).
(function () {
    "use strict";
    // Whether the key goes into a field being typed in (a checkbox or a button is not one).
    function typing(target) {
        if (!target) { return false; }
        if (target.tagName === "INPUT") { return !/^(checkbox|radio|button|submit|reset)$/.test(target.type); }
        return target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName);
    }
    document.addEventListener("keydown", function (event) {
        var help = document.getElementById("help-link");
        if (help && event.key === "?" && !typing(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            window.location.href = help.href;
            return;
        }
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
