// The live event stream: one WebSocket to /ws (session cookie), reconnecting with backoff.
// The server sends the present on every (re)connect, so nothing needs replaying here.

export function connectLive(onMessage, onStatus) {
  let delay = 500;
  let socket;
  let stopped = false;

  function open() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(scheme + "//" + location.host + "/ws");
    socket.addEventListener("open", () => {
      delay = 500;
      onStatus(true);
    });
    socket.addEventListener("message", (e) => {
      let message;
      try {
        message = JSON.parse(e.data);
      } catch {
        return;
      }
      onMessage(message);
    });
    socket.addEventListener("close", (e) => {
      if (e.code === 4401) {
        // The login session ended (logout, expiry): back to the login page, no reconnect.
        stopped = true;
        location.reload();
        return;
      }
      onStatus(false);
      if (!stopped) {
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 15000);
      }
    });
  }
  open();
  return {
    close() {
      stopped = true;
      socket.close();
    },
    /** For tests and the network tab: drops the connection as a network failure would. */
    drop() {
      socket.close();
    },
  };
}
