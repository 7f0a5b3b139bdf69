// The console's few behaviours, by event delegation so that they survive htmx swaps. No inline script: the content
// security policy allows scripts from this origin only.
(function () {
  'use strict';

  function shortcutOf(event) {
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase();
    return (event.altKey ? 'alt+' : '') + (event.ctrlKey ? 'ctrl+' : '') + key;
  }

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      var form = event.target.closest ? event.target.closest('form') : null;
      form = form || document.querySelector('form[data-submit-shortcut]');
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    var target = document.querySelector('[data-shortcut="' + shortcutOf(event) + '"]');
    if (target) {
      event.preventDefault();
      target.click();
    }
  });

  // Ring timer: "phone rings" starts it, "answer" stops it; three rings are 15 seconds.
  var ticking = null;
  function timerText(output, seconds, answered) {
    var rings = Math.max(1, Math.ceil(seconds / 5));
    output.textContent = (answered ? '✔ ' : '') + seconds + ' s · ' + rings + (document.documentElement.lang.indexOf('zh') === 0 ? ' 声' : ' rings');
    output.classList.toggle('late', rings > 3);
  }
  document.addEventListener('click', function (event) {
    var ring = event.target.closest('[data-ring-button]');
    var answer = event.target.closest('[data-answer-button]');
    if (!ring && !answer) {
      return;
    }
    var form = event.target.closest('form');
    var started = form.querySelector('[data-ring-started]');
    var answered = form.querySelector('[data-answered]');
    var output = form.querySelector('[data-ring-timer]');
    if (ring) {
      started.value = new Date().toISOString();
      answered.value = '';
      clearInterval(ticking);
      ticking = setInterval(function () {
        timerText(output, Math.round((Date.now() - Date.parse(started.value)) / 1000), false);
      }, 250);
      timerText(output, 0, false);
    } else if (started.value) {
      answered.value = new Date().toISOString();
      clearInterval(ticking);
      timerText(output, Math.round((Date.parse(answered.value) - Date.parse(started.value)) / 1000), true);
      var first = form.querySelector('#phone');
      if (first) {
        first.focus();
      }
    }
  });

  // Visits: "arrived" and "greeted" put the time of the press into the form.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-now-into]');
    if (!button) {
      return;
    }
    var form = button.closest('form');
    form.querySelector('[name="' + button.dataset.nowInto + '"]').value = new Date().toISOString();
    var times = [form.querySelector('[data-arrived]').value, form.querySelector('[data-greeted]').value]
      .filter(function (value) { return value; })
      .map(function (value) {
        return new Date(value).toLocaleTimeString('zh-CN', {hour12: false, timeZone: 'Asia/Shanghai'});
      });
    form.querySelector('[data-visit-times]').textContent = '✔ ' + times.join(' → ');
  });

  // The screen pop: a missed or finished call's reminder is closed by the agent.
  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-dismiss-pop]')) {
      var pop = document.getElementById('call-pop');
      if (pop) {
        pop.innerHTML = '';
      }
    }
  });

  // A reviewer's department choice loads that department's page (its own live stream).
  document.addEventListener('change', function (event) {
    if (event.target.matches('select[data-navigate]')) {
      window.location.search = '?department=' + encodeURIComponent(event.target.value);
    }
  });

})();
