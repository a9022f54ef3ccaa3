"""Asks a window to close the way a window manager's close button does (WM_DELETE_WINDOW),
which Xvfb alone cannot do. Usage: close-window.py WINDOW_ID"""
import sys

from Xlib import X, display, protocol

d = display.Display()
window = d.create_resource_object("window", int(sys.argv[1]))
event = protocol.event.ClientMessage(
    window=window,
    client_type=d.intern_atom("WM_PROTOCOLS"),
    data=(32, [d.intern_atom("WM_DELETE_WINDOW"), X.CurrentTime, 0, 0, 0]),
)
window.send_event(event, event_mask=0)
d.flush()
