// sealpost's parent-side helper: sizes every <iframe data-sealpost> to its content, so the form
// never shows a scrollbar of its own, and re-dispatches the frame's events on the iframe element
// ("sealpost:ready", "sealpost:height", "sealpost:sent" with event.detail.receipt).
//
// Only messages from the frame's own window and origin are believed; they only ever carry
// {source: "sealpost", type, height?, receipt?} (see docs/embedding.md). Load it as a file
// (<script src=".../sealpost-embed.js" defer></script>): no inline script is needed.
(() => {
  "use strict";
  const frameFor = (source) =>
    [...document.querySelectorAll("iframe[data-sealpost]")].find(
      (frame) => frame.contentWindow === source,
    );
  addEventListener("message", (event) => {
    const frame = frameFor(event.source);
    const data = event.data;
    if (!frame || !data || data.source !== "sealpost") return;
    if (event.origin !== new URL(frame.src, location.href).origin) return;
    if (data.type === "height") {
      const height = Number(data.height);
      if (!Number.isFinite(height) || height < 0 || height > 100000) return;
      frame.style.height = `${Math.ceil(height)}px`;
    }
    const detail = { type: String(data.type) };
    if (data.type === "height") detail.height = Number(data.height);
    if (data.type === "sent") detail.receipt = data.receipt == null ? null : String(data.receipt);
    frame.dispatchEvent(new CustomEvent(`sealpost:${detail.type}`, { detail }));
  });
})();
