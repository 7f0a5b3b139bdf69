// The managers' dashboard: each [data-chart] element becomes an ECharts chart from the JSON the server put in the
// attribute (no inline script: the content security policy allows scripts from this origin only). A click on a bar,
// point or cell opens the list behind it; every chart has a table equivalent in the page for screen readers.
(function () {
  'use strict';


  function barOrLine(spec) {
    var scale = spec.percent ? 100 : 1;
    return {
      tooltip: {trigger: 'axis', valueFormatter: spec.percent ? function (v) {
        return v === null || v === undefined ? '—' : v.toFixed(1) + '%';
      } : undefined},
      legend: {top: 0},
      grid: {left: 48, right: 16, top: 36, bottom: 48, containLabel: true},
      xAxis: {type: 'category', data: spec.categories, axisLabel: {
        interval: spec.categories.length > 31 ? 'auto' : 0, rotate: spec.categories.length > 8 ? 40 : 0}},
      yAxis: {type: 'value', max: spec.percent ? 100 : null, axisLabel: {formatter: spec.percent ? '{value}%' : '{value}'}},
      series: spec.series.map(function (s) {
        return {
          name: s.name,
          type: spec.kind,
          stack: s.stack,
          connectNulls: false,
          data: s.data.map(function (v) { return v === null ? null : Math.round(v * scale * 10) / 10; })
        };
      })
    };
  }

  function escaped(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  function heatMap(spec) {
    var max = spec.cells.reduce(function (m, c) { return Math.max(m, c[2]); }, 1);
    return {
      // enterable: the cell's click opens its contacts, the tooltip keeps the link to its proposal
      tooltip: {enterable: true, formatter: function (p) {
        var c = spec.cells[p.dataIndex];
        var proposal = spec.proposalLinks ? spec.proposalLinks[p.dataIndex] : null;
        return escaped(spec.rows[c[1]]) + ' · ' + escaped(spec.categories[c[0]]) + '<br>' + c[2] + ' ('
          + escaped(spec.changeLabel) + ' ' + (c[3] > 0 ? '+' : '') + c[3] + ')'
          + (proposal ? '<br><a href="' + escaped(proposal) + '">' + escaped(spec.proposalLabel) + '</a>' : '');
      }},
      grid: {left: 16, right: 16, top: 16, bottom: 64, containLabel: true},
      xAxis: {type: 'category', data: spec.categories, splitArea: {show: true}},
      yAxis: {type: 'category', data: spec.rows, splitArea: {show: true}},
      visualMap: {min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0},
      series: [{
        type: 'heatmap',
        data: spec.cells.map(function (c) { return [c[0], c[1], c[2]]; }),
        label: {show: true, formatter: function (p) {
          var change = spec.cells[p.dataIndex][3];
          return p.value[2] + '\n' + (change > 0 ? '▲' + change : change < 0 ? '▼' + (-change) : '＝');
        }}
      }]
    };
  }

  function linkOf(spec, params) {
    if (spec.kind === 'heatmap') {
      return spec.links ? spec.links[params.dataIndex] : null;
    }
    var series = spec.series[params.seriesIndex];
    return series && series.links ? series.links[params.dataIndex] : null;
  }

  function draw(element) {
    var spec = JSON.parse(element.dataset.chart);
    var empty = spec.kind === 'heatmap' ? spec.cells.length === 0 : spec.categories.length === 0;
    if (empty) {
      element.classList.add('empty');
      element.textContent = document.documentElement.lang.indexOf('zh') === 0 ? '本期没有数据' : 'No data for the period';
      return;
    }
    var chart = window.echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption(spec.kind === 'heatmap' ? heatMap(spec) : barOrLine(spec));
    chart.on('click', function (params) {
      var link = linkOf(spec, params);
      if (link) {
        window.location.assign(link);
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
