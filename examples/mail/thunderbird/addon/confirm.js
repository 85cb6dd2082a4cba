// The dialog: show replylint's findings, answer the background script.
(async () => {
  const key = new URLSearchParams(location.search).get("key");
  const answer = (await messenger.storage.local.get(key))[key] || {};
  const list = document.getElementById("findings");
  const title = document.getElementById("title");
  if (!answer.ok) {
    title.textContent = "replylint не смог проверить письмо";
    const li = document.createElement("li");
    li.textContent = answer.error || "неизвестная ошибка";
    list.appendChild(li);
  } else {
    title.textContent = "replylint: в письме есть замечания";
    for (const result of answer.report.results) {
      for (const f of result.findings) {
        const li = document.createElement("li");
        const sev = document.createElement("span");
        sev.className = "sev";
        sev.textContent = `[${f.severity}] «${f.text}»: `;
        li.appendChild(sev);
        li.appendChild(document.createTextNode(f.message));
        if (f.suggestion) {
          const s = document.createElement("div");
          s.className = "suggestion";
          s.textContent = "→ " + f.suggestion;
          li.appendChild(s);
        }
        list.appendChild(li);
      }
      document.getElementById("score").textContent = `Оценка: ${result.score}/10`;
    }
  }
  const win = await messenger.windows.getCurrent();
  const reply = (send) => messenger.runtime.sendMessage({ type: "replylint-answer", windowId: win.id, send });
  document.getElementById("send").addEventListener("click", () => reply(true));
  document.getElementById("back").addEventListener("click", () => reply(false));
})();
