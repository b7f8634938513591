// The six core charts of the dashboard, drawn with Chart.js from the dashboard's facts.json.
// Animation is off (the dashboard does not animate); a tiny plugin marks each canvas
// data-drawn="1" once it has been rendered, the same marker the dashboard sets, so the benchmark
// measures both pages the same way.
'use strict';

const BAR = '#1f5fa8', REF = '#b22222', TEXT = '#1f2328', MUTED = '#57606a', GRID = '#d8dee4';
const FONT = 'Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, Source Han Sans SC, sans-serif';

const CHARTS = [
  { id: 'sme-shares', title: '中小企业对国民经济的贡献', subtitle: '占全国的比重，报告未注明年份',
    facts: ['sme-share-tax', 'sme-share-gdp', 'sme-share-innovation', 'sme-share-urban-jobs', 'sme-share-firms'] },
  { id: 'gd-5g-stations', title: '广东5G基站：存量、新增与累计', subtitle: '2019年建成 + 2020年1—6月新建 ≈ 截至2020年6月累计',
    stockFlow: { stock: 'gd-5g-stations-2019', added: 'gd-5g-stations-2020h1-new', reported: 'gd-5g-stations-cumulative-2020-06' } },
  { id: 'gd-finance', title: '减税降费与优惠贷款', subtitle: '金额均为下限',
    facts: ['gd-tax-fee-cuts', 'gd-preferential-loans', 'gd-specialised-sme-loans-2020h1'] },
  { id: 'gd-clearance', title: '广东拖欠账款清偿进度', subtitle: '对照国家要求（清偿一半以上）',
    facts: ['gd-clearance-2019', 'gd-clearance-2020-06'], reference: 'national-clearance-requirement-2019' },
  { id: 'luoning-ecommerce', title: '洛宁县直播带货（2020年以来）', subtitle: '观看人次，下限',
    facts: ['luoning-livestream-views'] },
  { id: 'luoning-telecom', title: '洛宁县扶贫村网络建设（截至2019年底）', subtitle: '4G覆盖的扶贫村',
    facts: ['luoning-4g-new-villages', 'luoning-4g-optimised-villages'] },
];

function trim(n) {
  return String(Math.round(n * 100) / 100);
}

/** A value as the dashboard writes it in Chinese: 50%以上, 超过1400亿元, 4.1万座. */
function valueText(v, unitZh, unitId, qualifier) {
  let s;
  if (unitId === 'percent') s = trim(v) + '%';
  else if (v >= 1e8) s = trim(v / 1e8) + '亿' + unitZh;
  else if (v >= 1e4) s = trim(v / 1e4) + '万' + unitZh;
  else s = trim(v) + unitZh;
  switch (qualifier) {
    case 'at_least': return s + '以上';
    case 'more_than': return '超过' + s;
    case 'about': return '约' + s;
    case 'less_than': return '不到' + s;
    default: return s;
  }
}

function tickText(v, unitId) {
  if (unitId === 'percent') return trim(v) + '%';
  if (v >= 1e8) return trim(v / 1e8) + '亿';
  if (v >= 1e4) return trim(v / 1e4) + '万';
  return trim(v);
}

/** Value labels at the end of each bar, like the dashboard's. */
const valueLabels = {
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const texts = chart.config.options.plugins.valueLabels.texts;
    const { ctx } = chart;
    ctx.save();
    ctx.font = `13px ${FONT}`;
    ctx.fillStyle = TEXT;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    chart.getDatasetMeta(0).data.forEach((bar, i) => {
      const p = bar.getProps(['x', 'y'], true);
      ctx.fillText(texts[i], p.x + 6, p.y);
    });
    ctx.restore();
  },
};

/** A dashed, labelled reference line (the 50% requirement), without the annotation plugin. */
const referenceLine = {
  id: 'referenceLine',
  afterDatasetsDraw(chart) {
    const ref = chart.config.options.plugins.referenceLine;
    if (!ref || ref.value == null) return;
    const { ctx, chartArea } = chart;
    const x = chart.scales.x.getPixelForValue(ref.value);
    ctx.save();
    ctx.strokeStyle = REF;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(x, chartArea.top);
    ctx.lineTo(x, chartArea.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = REF;
    ctx.font = `bold 12px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(ref.label, x, chartArea.top - 2);
    ctx.restore();
  },
};

/** Marks the canvas drawn once Chart.js has rendered it (the dashboard's marker). */
const drawnMarker = {
  id: 'drawnMarker',
  afterRender(chart) {
    if (chart.canvas.dataset.drawn !== '1') chart.canvas.setAttribute('data-drawn', '1');
  },
};

function build(def, facts, units) {
  const fact = (id) => {
    const f = facts.get(id);
    if (!f) throw new Error(`${def.id}: no fact ${id}`);
    return f;
  };
  let labels, data, texts, fill, border, unitId, reference = null;
  if (def.stockFlow) {
    const [s, a, r] = [def.stockFlow.stock, def.stockFlow.added, def.stockFlow.reported].map(fact);
    const sum = s.value + a.value;
    labels = [s.short_zh, a.short_zh, '推算合计', r.short_zh];
    data = [[0, s.value], [s.value, sum], [0, sum], [0, r.value]];
    texts = [valueText(s.value, s.unit_zh, s.unit, s.qualifier), '+' + valueText(a.value, a.unit_zh, a.unit, a.qualifier),
      valueText(sum, s.unit_zh, s.unit, 'exact'), valueText(r.value, r.unit_zh, r.unit, r.qualifier)];
    fill = [BAR, BAR, 'rgba(0,0,0,0)', BAR];
    border = [0, 0, 2, 0];
    unitId = s.unit;
  } else {
    const fs = def.facts.map(fact);
    labels = fs.map((f) => f.short_zh);
    data = fs.map((f) => f.value);
    texts = fs.map((f) => valueText(f.value, f.unit_zh, f.unit, f.qualifier));
    fill = BAR;
    border = 0;
    unitId = fs[0].unit;
    if (def.reference) {
      const rf = fact(def.reference);
      reference = { value: rf.value, label: `${rf.short_zh}：${valueText(rf.value, rf.unit_zh, rf.unit, rf.qualifier)}` };
    }
  }
  const largest = Math.max(...data.map((d) => (Array.isArray(d) ? d[1] : d)));
  const percent = unitId === 'percent' && largest <= 100;
  return {
    type: 'bar',
    data: { labels, datasets: [{ data, backgroundColor: fill, borderColor: BAR, borderWidth: border, borderSkipped: false, barThickness: 22 }] },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: reference ? 22 : 8, right: 8 + 13 * Math.max(...texts.map((t) => t.length)) } },
      scales: {
        x: { beginAtZero: true, max: percent ? 100 : undefined, grid: { color: GRID },
          ticks: { color: MUTED, font: { size: 11 }, callback: (v) => tickText(v, unitId) } },
        y: { grid: { display: false }, ticks: { color: TEXT, font: { size: 13 } } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => texts[c.dataIndex] } },
        valueLabels: { texts },
        referenceLine: reference,
      },
    },
    plugins: [valueLabels, referenceLine, drawnMarker],
  };
}

async function main() {
  Chart.defaults.font.family = FONT;
  const res = await fetch('facts.json');
  const catalogue = await res.json();
  const facts = new Map(catalogue.facts.map((f) => [f.id, f]));
  const grid = document.getElementById('charts');
  const article = new Map(catalogue.articles.map((a) => [a.id, a]));
  for (const def of CHARTS) {
    const fig = document.createElement('figure');
    fig.className = 'chart';
    fig.dataset.chart = def.id;
    const bars = def.stockFlow ? 4 : def.facts.length;
    const height = 16 + 36 * bars + 24 + (def.reference ? 22 : 0);
    fig.innerHTML = `<h3 class="chart__title"></h3><p class="chart__subtitle"></p>` +
      `<div class="chart__canvas" style="height:${height}px"><canvas></canvas></div><p class="chart__source"></p>`;
    fig.querySelector('.chart__title').textContent = def.title;
    fig.querySelector('.chart__subtitle').textContent = def.subtitle;
    const first = facts.get(def.facts ? def.facts[0] : def.stockFlow.stock);
    const a = first && article.get(first.article);
    if (a) fig.querySelector('.chart__source').textContent = `来源：${a.source_zh ?? ''}《${a.title_zh ?? ''}》`;
    grid.appendChild(fig);
    try {
      new Chart(fig.querySelector('canvas'), build(def, facts, catalogue.units));
    } catch (e) {
      const p = document.createElement('p');
      p.className = 'error';
      p.textContent = String(e);
      fig.appendChild(p);
    }
  }
}

main().catch((e) => {
  document.getElementById('charts').textContent = String(e);
});
