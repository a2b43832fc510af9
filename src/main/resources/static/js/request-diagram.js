// The BPMN diagram of one request on the privacy officers' request page, drawn with the bpmn-js viewer (webjar
// org.webjars.npm:bpmn-js, served from /webjars/) from /staff/requests/{ref}/diagram.json: each model as deployed,
// with the activities marked in progress, stopped by an incident or done, and the systems named beside them.
// Progressive enhancement: the page's list (#diagram-steps) says the same in words, with or without this script.
// Keyboard use: each diagram gets the page's buttons (#diagram-controls: zoom in, zoom out, fit to view), and its
// canvas is focusable, where bpmn-js's keyboard binding takes the arrow keys (move), + and - (zoom) and 0 (fit).
// No inline script or style: the Content-Security-Policy allows neither.
(function () {
  'use strict';

  var MARKER = { ACTIVE: 'rf-active', INCIDENT: 'rf-incident', DONE: 'rf-done' };

  document.addEventListener('DOMContentLoaded', function () {
    var host = document.getElementById('request-diagram');
    var fallback = document.getElementById('diagram-fallback');
    if (!host || typeof window.BpmnJS !== 'function' || !window.fetch || !window.Promise) {
      return;
    }
    fetch(host.getAttribute('data-source'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the server answered ' + response.status);
        }
        return response.json();
      })
      .then(function (diagram) {
        host.removeChild(fallback);
        return diagram.pictures.reduce(function (previous, picture, index) {
          return previous.then(function () { return draw(host, picture, index); });
        }, Promise.resolve());
      })
      .then(function () {
        document.getElementById('diagram-legend').hidden = false;
        document.getElementById('diagram-keys').hidden = false;
        host.setAttribute('data-drawn', 'true');
      })
      .catch(function (error) {
        fallback.textContent = 'The diagram could not be drawn (' + error.message + '); the list above says where '
          + 'the request stands.';
        if (!fallback.parentNode) {
          host.appendChild(fallback);
        }
      });
  });

  function draw(host, picture, index) {
    var figure = document.createElement('figure');
    figure.className = 'diagram-figure';
    var caption = document.createElement('figcaption');
    caption.id = 'diagram-caption-' + index;
    caption.textContent = picture.title;
    var canvas = document.createElement('div');
    canvas.className = 'diagram-canvas';
    canvas.id = 'diagram-canvas-' + index;
    canvas.setAttribute('data-process', picture.processKey);
    // Focusable, named by its caption, with the keys described: arrow keys here move the diagram, not the page.
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-labelledby', caption.id);
    canvas.setAttribute('aria-describedby', 'diagram-keys');
    var controls = document.getElementById('diagram-controls').content.firstElementChild.cloneNode(true);
    controls.setAttribute('aria-labelledby', caption.id);
    figure.appendChild(caption);
    figure.appendChild(controls);
    figure.appendChild(canvas);
    host.appendChild(figure);

    var viewer = new window.BpmnJS({ container: canvas, keyboard: { bindTo: canvas } });
    return viewer.importXML(picture.bpmnXml).then(function () {
      var view = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      var overlays = viewer.get('overlays');
      view.zoom('fit-viewport');
      navigable(viewer, canvas, controls);
      var systemsAt = {};
      picture.marks.forEach(function (mark) {
        if (!registry.get(mark.activityId)) {
          return;
        }
        view.addMarker(mark.activityId, MARKER[mark.state]);
        if (mark.state !== 'DONE') {
          var at = systemsAt[mark.activityId] = systemsAt[mark.activityId] || { names: [], incident: false };
          if (mark.system) {
            at.names.push(mark.system);
          }
          at.incident = at.incident || mark.state === 'INCIDENT';
        }
      });
      Object.keys(systemsAt).forEach(function (activityId) {
        var at = systemsAt[activityId];
        var badge = document.createElement('span');
        badge.className = 'diagram-badge' + (at.incident ? ' diagram-badge-incident' : '');
        badge.textContent = (at.incident ? '! ' : '') + at.names.join(', ');
        if (badge.textContent.trim()) {
          overlays.add(activityId, { position: { bottom: 2, left: 0 }, html: badge });
        }
      });
    });
  }

  // The same moves as the mouse and wheel, from the buttons and from the keys. The viewer's own keyboard binding
  // moves the diagram with Ctrl and the arrow keys only (it keeps plain arrows for editors); a viewer has nothing
  // to select, so the plain arrow keys move it too, at its speed, faster with Shift.
  function navigable(viewer, canvas, controls) {
    var view = viewer.get('canvas');
    var zoomScroll = viewer.get('zoomScroll');
    var keyboardMove = viewer.get('keyboardMove');
    var keyboard = viewer.get('keyboard');
    var DIRECTION = { ArrowLeft: 'left', ArrowUp: 'up', ArrowRight: 'right', ArrowDown: 'down' };

    function zoom(how) {
      if (how === 'fit') {
        view.zoom('fit-viewport');
      } else {
        zoomScroll.stepZoom(how === 'in' ? 1 : -1);
      }
    }

    controls.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-zoom]');
      if (button) {
        zoom(button.getAttribute('data-zoom'));
      }
    });
    keyboard.addListener(function (context) {
      var event = context.keyEvent;
      if (keyboard.isCmd(event) || event.altKey) {
        return false;
      }
      if (DIRECTION[event.key]) {
        keyboardMove.moveCanvas({ speed: event.shiftKey ? 200 : 50, direction: DIRECTION[event.key] });
        return true;
      }
      var how = { '+': 'in', '=': 'in', Add: 'in', '-': 'out', Subtract: 'out', '0': 'fit' }[event.key];
      if (how) {
        zoom(how);
        return true;
      }
      return false;
    });
  }
})();
