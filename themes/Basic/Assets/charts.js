// Draws every [data-chart] element with Apache ECharts (served beside this file). The element carries the chart as
// JSON: { kind: "Line" | "Bar" | "Pie", categories: [...], series: [{ name, values: [...] }], unit, urls }. With urls, a
// click on a bar, point or slice opens the page of its category (the list of what the figure counts).
(function () {
    "use strict";
    function option(chart) {
        var color = getComputedStyle(document.documentElement).getPropertyValue("--primary").trim() || "#1f6feb";
        if (chart.kind === "Pie") {
            var first = chart.series[0] || { values: [] };
            return {
                tooltip: { trigger: "item" },
                series: [{ type: "pie", radius: ["40%", "70%"], data: chart.categories.map(function (c, i) { return { name: c, value: first.values[i] }; }) }]
            };
        }
        return {
            color: [color, "#8250df", "#bf8700", "#1a7f37", "#cf222e"],
            tooltip: { trigger: "axis" },
            legend: { bottom: 0 },
            grid: { left: 8, right: 8, top: 24, bottom: 32, containLabel: true },
            xAxis: { type: "category", data: chart.categories },
            yAxis: { type: "value", name: chart.unit || "" },
            series: chart.series.map(function (s) { return { name: s.name, type: chart.kind === "Bar" ? "bar" : "line", data: s.values, smooth: true }; })
        };
    }
    function draw() {
        document.querySelectorAll("[data-chart]").forEach(function (element) {
            var chart = echarts.init(element, null, { renderer: "svg" });
            var data = JSON.parse(element.getAttribute("data-chart"));
            chart.setOption(option(data));
            if (data.urls) {
                chart.on("click", function (params) {
                    var url = data.urls[params.dataIndex];
                    if (url) { window.location.href = url; }
                });
                element.style.cursor = "pointer";
            }
            element.setAttribute("data-chart-drawn", "true");
            window.addEventListener("resize", function () { chart.resize(); });
        });
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
