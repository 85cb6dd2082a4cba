// replylint for Thunderbird: lint the message when "Send" is pressed.
// The native host (../native-host) runs the replylint CLI; with findings a
// small window shows them and asks whether to send anyway.

const pending = new Map(); // dialog window id -> resolve(boolean send)

messenger.compose.onBeforeSend.addListener(async (tab, details) => {
  let answer;
  try {
    answer = await messenger.runtime.sendNativeMessage("replylint", {
      body: details.isPlainText ? details.plainTextBody : details.body,
      isPlainText: details.isPlainText,
      subject: details.subject,
    });
  } catch (e) {
    answer = { ok: false, error: String(e) };
  }
  if (answer.ok && !answer.fail) {
    return { cancel: false };
  }
  const send = await askUser(answer);
  return { cancel: !send };
});

async function askUser(answer) {
  const key = "replylint-" + Date.now();
  await messenger.storage.local.set({ [key]: answer });
  const win = await messenger.windows.create({
    url: "confirm.html?key=" + encodeURIComponent(key),
    type: "popup",
    width: 640,
    height: 480,
  });
  return new Promise((resolve) => pending.set(win.id, { resolve, key }));
}

messenger.runtime.onMessage.addListener(async (message, sender) => {
  if (message && message.type === "replylint-answer") {
    const entry = pending.get(message.windowId);
    if (entry) {
      pending.delete(message.windowId);
      await messenger.storage.local.remove(entry.key);
      entry.resolve(Boolean(message.send));
      await messenger.windows.remove(message.windowId);
    }
  }
});

// Closing the window is "do not send".
messenger.windows.onRemoved.addListener((windowId) => {
  const entry = pending.get(windowId);
  if (entry) {
    pending.delete(windowId);
    messenger.storage.local.remove(entry.key);
    entry.resolve(false);
  }
});
