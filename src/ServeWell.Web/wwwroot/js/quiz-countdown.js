// The quiz countdown (ADR-044): counts down from the seconds the server gave with the page. The server's deadline is the
// truth; this only shows it. At zero it says so; the next save is answered by the server.
(() => {
    const timer = document.querySelector(".countdown[data-seconds]");
    if (!timer) return;
    const left = timer.querySelector("[data-left]");
    const end = Date.now() + Number(timer.dataset.seconds) * 1000;
    const tick = () => {
        const s = Math.max(0, Math.round((end - Date.now()) / 1000));
        left.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
        if (s === 0) {
            timer.classList.add("up");
            left.textContent = timer.dataset.up;
            return;
        }
        setTimeout(tick, 1000);
    };
    tick();
})();
