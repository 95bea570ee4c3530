import { loadBundle } from "@web/core/assets";
import { cookie } from "@web/core/browser/cookie";
import { getColor, getCustomColor, hexToRGBA } from "@web/core/colors/colors";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";
import { Component, onWillStart, useEffect, useRef } from "@odoo/owl";

/**
 * A chart of the credit overview: bars or a line, with both axes titled and a legend.
 * The field holds JSON: {type, labels, datasets: [{label, data}], x_title, y_title}
 * (credit.overview.card._chart).
 */
export class CreditOverviewGraph extends Component {
    static template = "credit_management.CreditOverviewGraph";
    static props = { ...standardFieldProps };

    setup() {
        this.canvasRef = useRef("canvas");
        this.chart = null;
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => {
                this.renderChart();
                return () => this.chart && this.chart.destroy();
            },
            () => [this.props.record.data[this.props.name]]
        );
    }

    get data() {
        return JSON.parse(this.props.record.data[this.props.name] || "{}");
    }

    renderChart() {
        if (this.chart) {
            this.chart.destroy();
        }
        const data = this.data;
        if (!data.labels) {
            return;
        }
        const scheme = cookie.get("color_scheme");
        const textColor = getCustomColor(scheme, "#111827", "#E4E4E4");
        const gridColor = getCustomColor(scheme, "#d8dadd", "#3C3E4B");
        const axis = (title) => ({
            title: { display: Boolean(title), text: title, color: textColor },
            ticks: { color: textColor, precision: 0 },
            grid: { color: gridColor },
            beginAtZero: true,
        });
        const datasets = data.datasets.map((set, index) => {
            const color = getColor(index + 1, scheme, "odoo");
            return {
                label: set.label,
                data: set.data,
                borderColor: color,
                backgroundColor: data.type === "line" ? hexToRGBA(color, 0.2) : color,
                fill: data.type === "line" ? "start" : undefined,
                borderWidth: 2,
                tension: 0,
            };
        });
        this.chart = new Chart(this.canvasRef.el, {
            type: data.type === "line" ? "line" : "bar",
            data: { labels: data.labels, datasets },
            options: {
                maintainAspectRatio: false,
                animation: false,
                plugins: {
                    legend: { display: true, position: "top", labels: { color: textColor, boxWidth: 12 } },
                    tooltip: { intersect: false },
                },
                scales: { x: axis(data.x_title), y: axis(data.y_title) },
            },
        });
    }
}

export const creditOverviewGraph = {
    component: CreditOverviewGraph,
    supportedTypes: ["text"],
};

registry.category("fields").add("credit_overview_graph", creditOverviewGraph);
