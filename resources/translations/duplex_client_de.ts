<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ServerAddress</name>
    <message>
        <location filename="../../app-client/core/serveraddress.cpp" line="+15"/>
        <source>Type the server address, e.g. 192.168.1.20:8080</source>
        <translation>Gib die Serveradresse ein, z. B. 192.168.1.20:8080</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The address starts with ws:// (or is just host:port), e.g. 192.168.1.20:8080</source>
        <translation>Die Adresse beginnt mit ws:// (oder ist nur Host:Port), z. B. 192.168.1.20:8080</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The address needs a host, e.g. 192.168.1.20:8080</source>
        <translation>Die Adresse braucht einen Host, z. B. 192.168.1.20:8080</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Address %1 (“%2”): %3</source>
        <translation>Adresse %1 („%2“): %3</translation>
    </message>
</context>
<context>
    <name>duplex</name>
    <message>
        <location filename="../../common/codec.cpp" line="+42"/>
        <source>The frame is not a JSON object.</source>
        <translation>Der Frame ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A field is missing or has the wrong kind of value.</source>
        <translation>Ein Feld fehlt oder hat einen Wert der falschen Art.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not know this message type.</source>
        <translation>Diesen Nachrichtentyp kennt der Server nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say hello first: the first message must be &apos;hello&apos;.</source>
        <translation>Zuerst grüßen: Die erste Nachricht muss &apos;hello&apos; sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This connection has already said hello.</source>
        <translation>Diese Verbindung hat bereits &apos;hello&apos; gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This nickname is not allowed.</source>
        <translation>Dieser Spitzname ist nicht erlaubt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone connected already uses this nickname.</source>
        <translation>Jemand, der gerade verbunden ist, verwendet diesen Spitznamen bereits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This room name is not allowed.</source>
        <translation>Dieser Raumname ist nicht erlaubt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You are not in this room.</source>
        <translation>Du bist nicht in diesem Raum.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No one with this nickname is connected.</source>
        <translation>Niemand mit diesem Spitznamen ist verbunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text is too long.</source>
        <translation>Der Text ist zu lang.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text is empty.</source>
        <translation>Der Text ist leer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many messages: this one was dropped. Slow down a little.</source>
        <translation>Zu viele Nachrichten: Diese wurde verworfen. Bitte etwas langsamer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binary frames are not supported: send JSON in text frames.</source>
        <translation>Binäre Frames werden nicht unterstützt: Sende JSON in Text-Frames.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server is full. Try again later.</source>
        <translation>Der Server ist voll. Versuch es später noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server failed and did not carry out the request.</source>
        <translation>Beim Server ist ein Fehler aufgetreten; die Anfrage wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The join code is missing or wrong. Ask your teacher for it.</source>
        <translation>Der Beitrittscode fehlt oder ist falsch. Frag deine Lehrkraft danach.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You were removed from this server for a while.</source>
        <translation>Du wurdest für eine Weile von diesem Server entfernt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are muted: your messages are not sent.</source>
        <translation>Du bist stummgeschaltet: Deine Nachrichten werden nicht gesendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This room is locked: nobody new can join it.</source>
        <translation>Dieser Raum ist gesperrt: Niemand Neues kann ihn betreten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server is locked: nobody new can join.</source>
        <translation>Der Server ist gesperrt: Niemand Neues kann beitreten.</translation>
    </message>
    <message>
        <location line="+83"/>
        <location line="+17"/>
        <location line="+14"/>
        <location line="+15"/>
        <location line="+129"/>
        <location line="+151"/>
        <source>Field &apos;%1&apos; is missing.</source>
        <translation>Das Feld &apos;%1&apos; fehlt.</translation>
    </message>
    <message>
        <location line="-323"/>
        <location line="+157"/>
        <location line="+19"/>
        <source>Field &apos;%1&apos; must be a string.</source>
        <translation>Das Feld &apos;%1&apos; muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Field &apos;%1&apos; is not valid Unicode text.</source>
        <translation>Das Feld &apos;%1&apos; ist kein gültiger Unicode-Text.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Field &apos;%1&apos; must be true or false.</source>
        <translation>Das Feld &apos;%1&apos; muss true oder false sein.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Field &apos;%1&apos; must be a number.</source>
        <translation>Das Feld &apos;%1&apos; muss eine Zahl sein.</translation>
    </message>
    <message>
        <location line="+294"/>
        <source>Field &apos;%1&apos; must be an array.</source>
        <translation>Das Feld &apos;%1&apos; muss ein Array sein.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Field &apos;%1&apos; must hold JSON objects.</source>
        <translation>Das Feld &apos;%1&apos; muss JSON-Objekte enthalten.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Field &apos;%1&apos; must be a JSON object.</source>
        <translation>Das Feld &apos;%1&apos; muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Field &apos;%1&apos; must hold strings.</source>
        <translation>Das Feld &apos;%1&apos; muss Zeichenketten enthalten.</translation>
    </message>
    <message>
        <location filename="../../common/names.cpp" line="+124"/>
        <source>A nickname cannot be empty.</source>
        <translation>Der Spitzname darf nicht leer sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A nickname has at most %1 characters.</source>
        <translation>Ein Spitzname hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+4"/>
        <source>The nickname is not valid text.</source>
        <translation>Der Spitzname ist kein gültiger Text.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A nickname cannot contain invisible characters.</source>
        <translation>Ein Spitzname darf keine unsichtbaren Zeichen enthalten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A nickname cannot start with an accent or other combining mark.</source>
        <translation>Ein Spitzname darf nicht mit einem Akzent oder einem anderen kombinierenden Zeichen beginnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A nickname may contain letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos; only.</source>
        <translation>Ein Spitzname darf nur Buchstaben, Ziffern, &apos;_&apos;, &apos;-&apos; und &apos;.&apos; enthalten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The nickname &quot;%1&quot; is reserved.</source>
        <translation>Der Spitzname „%1“ ist reserviert.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>A room name cannot be empty.</source>
        <translation>Der Raumname darf nicht leer sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A room name has at most %1 characters.</source>
        <translation>Ein Raumname hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A room name may contain a-z, 0-9, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation>Ein Raumname darf nur a–z, 0–9, &apos;_&apos; und &apos;-&apos; enthalten.</translation>
    </message>
</context>
<context>
    <name>duplex::client</name>
    <message>
        <location filename="../../app-client/core/slashcommand.cpp" line="+49"/>
        <source>Usage: /join ROOM</source>
        <translation>Aufruf: /join RAUM</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Usage: /nick NEWNAME</source>
        <translation>Aufruf: /nick NEUERNAME</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Usage: /msg NICK text</source>
        <translation>Aufruf: /msg SPITZNAME Text</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown command /%1. Type /help for the list; start with // to send a message that begins with a slash.</source>
        <translation>Unbekannter Befehl /%1. /help zeigt die Liste; beginne mit //, um eine Nachricht zu senden, die mit einem Schrägstrich anfängt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Commands:
/join ROOM – join (or create) a room and switch to it
/leave [ROOM] – leave the current room (or ROOM)
/nick NAME – change your nickname
/msg NICK [text] – open a private conversation, optionally sending text
/help – this list
Enter sends, Shift+Enter starts a new line, Up recalls your last message.</source>
        <translation>Befehle:
/join RAUM – einen Raum betreten (oder anlegen) und zu ihm wechseln
/leave [RAUM] – den aktuellen Raum (oder RAUM) verlassen
/nick NAME – den eigenen Spitznamen ändern
/msg SPITZNAME [Text] – ein privates Gespräch öffnen, auf Wunsch gleich mit Text
/help – diese Liste
Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile, Pfeil nach oben holt die letzte Nachricht zurück.</translation>
    </message>
</context>
<context>
    <name>duplex::client::ChatInput</name>
    <message>
        <location filename="../../app-client/ui/chatinput.cpp" line="+17"/>
        <source>Type a message – Enter sends, Shift+Enter for a new line, /help for commands</source>
        <translation>Nachricht eingeben – Eingabe sendet, Umschalt+Eingabe für eine neue Zeile, /help für Befehle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter sends, Shift+Enter starts a new line, Up recalls your last message.
Commands: /join ROOM, /leave, /nick NAME, /msg NICK text, /help</source>
        <translation>Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile, Pfeil nach oben holt die letzte Nachricht zurück.
Befehle: /join RAUM, /leave, /nick NAME, /msg SPITZNAME Text, /help</translation>
    </message>
</context>
<context>
    <name>duplex::client::ChatState</name>
    <message>
        <location filename="../../app-client/core/chatstate.cpp" line="+41"/>
        <source>The server&apos;s history of #%1 starts again here (it was restarted with a new database). The messages above are from before.</source>
        <translation>Der Verlauf von #%1 beginnt auf dem Server hier neu (er wurde mit einer neuen Datenbank neu gestartet). Die Nachrichten darüber stammen von vorher.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation type="vanished">%1 ist hinzugekommen</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="vanished">%1 ist gegangen</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>You are now known as %1</source>
        <translation>Du heißt jetzt %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is now known as %2</source>
        <translation>%1 heißt jetzt %2</translation>
    </message>
    <message>
        <location filename="../../app-client/core/chatstate_ux.cpp" line="+119"/>
        <source>Reconnected — nothing missed</source>
        <translation>Wieder verbunden – nichts verpasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnected — 1 message caught up</source>
        <translation>Wieder verbunden – 1 Nachricht nachgeholt</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Reconnected — %n messages caught up</source>
        <translation>
            <numerusform>Wieder verbunden – %n Nachricht nachgeholt</numerusform>
            <numerusform>Wieder verbunden – %n Nachrichten nachgeholt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>duplex::client::ChatView</name>
    <message>
        <location filename="../../app-client/ui/chatview.cpp" line="+36"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading older…</source>
        <translation>Ältere werden geladen…</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>&amp;Copy text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>duplex::client::ClientSession</name>
    <message>
        <location filename="../../app-client/core/clientsession.cpp" line="+93"/>
        <source>the server stopped answering pings</source>
        <translation>der Server hat nicht mehr auf Pings geantwortet</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>the server did not complete the handshake in time</source>
        <translation>der Server hat den Handshake nicht rechtzeitig abgeschlossen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting</source>
        <translation>Verbindet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handshaking</source>
        <translation>Handshake läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnecting</source>
        <translation>Verbindet neu</translation>
    </message>
    <message>
        <location line="+175"/>
        <location line="+1"/>
        <source>bye</source>
        <translation>tschüss</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>the connection closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None of the servers %1 is reachable (the last one, %2: %3). Check that the servers are running, that the addresses and ports are the ones the server windows show, and that no firewall blocks the ports.</source>
        <translation>Keiner der Server %1 ist erreichbar (zuletzt %2: %3). Prüfe, ob die Server laufen, ob Adressen und Ports die sind, die die Serverfenster zeigen, und ob keine Firewall die Ports blockiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server at %1 is not reachable (%2). Check that the server is running, that the address and port are the ones the server window shows (for example ws://192.168.1.20:8080), and that no firewall blocks the port.</source>
        <translation>Der Server unter %1 ist nicht erreichbar (%2). Prüfe, ob der Server läuft, ob Adresse und Port mit denen im Serverfenster übereinstimmen (zum Beispiel 192.168.1.20:8080) und ob keine Firewall den Port blockiert.</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+417"/>
        <source>You were removed from this server for a while.</source>
        <translation>Du wurdest für eine Weile von diesem Server entfernt.</translation>
    </message>
    <message>
        <location line="-416"/>
        <source>The teacher has locked the server: nobody new can join right now.</source>
        <translation>Die Lehrkraft hat den Server gesperrt: Gerade kann niemand Neues beitreten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You were disconnected by the server operator: %1</source>
        <translation>Deine Verbindung wurde am Server getrennt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>ohne Angabe von Gründen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+604"/>
        <source>This session was taken over by another connection.</source>
        <translation>Eine andere Verbindung hat diese Sitzung übernommen.</translation>
    </message>
    <message>
        <location line="-585"/>
        <source>The server at %1 is full right now (it refused the connection with code 1013). Try again in a minute, or ask the teacher to raise its client limit.</source>
        <translation>Der Server unter %1 ist gerade voll (er hat die Verbindung mit Code 1013 abgelehnt). Versuch es in einer Minute noch einmal oder bitte die Lehrkraft, die Höchstzahl an Clients zu erhöhen.</translation>
    </message>
    <message>
        <location line="+326"/>
        <source>The nickname “%1” is taken on this server. Pick another one. (%2)</source>
        <translation>Der Spitzname „%1“ ist auf diesem Server vergeben. Wähl einen anderen. (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the nickname “%1”: %2</source>
        <translation>Der Server hat den Spitznamen „%1“ abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>This server needs a join code, and the one you gave is missing or wrong. Ask your teacher for it and enter it under “Join code”.</source>
        <translation>Dieser Server braucht einen Beitrittscode, und deiner fehlt oder ist falsch. Frag deine Lehrkraft danach und gib ihn unter „Beitrittscode“ ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You were removed from this server until %1. Ask your teacher if you think this is a mistake.</source>
        <translation>Du wurdest bis %1 von diesem Server entfernt. Frag deine Lehrkraft, wenn du denkst, dass das ein Irrtum ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You are muted by the teacher: your message was not sent.</source>
        <translation>Die Lehrkraft hat dich stummgeschaltet: Deine Nachricht wurde nicht gesendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This room is locked by the teacher: you cannot join it right now.</source>
        <translation>Die Lehrkraft hat diesen Raum gesperrt: Du kannst ihn gerade nicht betreten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The teacher has locked the server: nobody new can join right now. Try again later.</source>
        <translation>Die Lehrkraft hat den Server gesperrt: Gerade kann niemand Neues beitreten. Versuch es später noch einmal.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Slow mode: one message every few seconds in this room. Wait %n more second(s).</source>
        <translation>
            <numerusform>Langsamer Modus: In diesem Raum geht nur alle paar Sekunden eine Nachricht. Warte noch %n Sekunde.</numerusform>
            <numerusform>Langsamer Modus: In diesem Raum geht nur alle paar Sekunden eine Nachricht. Warte noch %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This nickname belongs to a connection of yours that dropped: your previous connection is still held; reconnecting resumes it. Otherwise wait two minutes or ask the teacher to free the nickname.</source>
        <translation>Dieser Spitzname gehört zu einer abgebrochenen Verbindung von dir: Deine vorige Verbindung wird noch gehalten; neu verbinden setzt sie fort. Sonst warte zwei Minuten oder bitte die Lehrkraft, den Spitznamen freizugeben.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Push (WebSocket)</source>
        <translation>Push (WebSocket)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long polling</source>
        <translation>Long Polling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polling every %1 ms</source>
        <translation>Polling alle %1 ms</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>long poll</source>
        <translation>Long Poll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>poll</source>
        <translation>Poll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>poll failed</source>
        <translation>Poll fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>poll: HTTP %1</source>
        <translation>Poll: HTTP %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>poll: empty</source>
        <translation>Poll: leer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poll: 1 message</source>
        <translation>Poll: 1 Nachricht</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>poll: %n messages</source>
        <translation>
            <numerusform>Poll: %n Nachricht</numerusform>
            <numerusform>Poll: %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>poll: %1 messages</source>
        <translation type="vanished">Poll: %1 Nachrichten</translation>
    </message>
    <message numerus="yes">
        <source>poll: %n message(s)</source>
        <translation type="vanished">
            <numerusform>Poll: %n Nachricht</numerusform>
            <numerusform>Poll: %n Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>duplex::client::ConnectDialog</name>
    <message>
        <location filename="../../app-client/ui/connectdialog.cpp" line="+38"/>
        <source>Connect to a Duplex server</source>
        <translation>Mit einem Duplex-Server verbinden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Join a Duplex chat</source>
        <translation>An einem Duplex-Chat teilnehmen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type the address the server window shows, and pick a nickname.</source>
        <translation>Gib die Adresse ein, die das Serverfenster anzeigt, und wähl einen Spitznamen.</translation>
    </message>
    <message>
        <source>The server&apos;s address, e.g. ws://192.168.1.20:8080 (recent servers in the list)</source>
        <translation type="vanished">Die Adresse des Servers, z. B. ws://192.168.1.20:8080 (zuletzt benutzte Server in der Liste)</translation>
    </message>
    <message>
        <source>The server&apos;s address as the server window shows it, e.g. 192.168.1.20:8080 or ws://192.168.1.20:8080 (recent servers in the list)</source>
        <translation type="vanished">Die Adresse des Servers, wie das Serverfenster sie zeigt, z. B. 192.168.1.20:8080 oder ws://192.168.1.20:8080 (zuletzt benutzte Server in der Liste)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The server&apos;s address as the server window shows it, e.g. 192.168.1.20:8080 or ws://192.168.1.20:8080 (recent servers in the list). Several servers of one class, separated by commas: when one stops, the client moves to the next.</source>
        <translation>Die Adresse des Servers, wie das Serverfenster sie zeigt, z. B. 192.168.1.20:8080 oder ws://192.168.1.20:8080 (zuletzt benutzte Server in der Liste). Mehrere Server einer Klasse durch Kommas getrennt: Fällt einer aus, wechselt der Client zum nächsten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1–24 letters, digits, _ - or . (not “server” or “system”)</source>
        <translation>1–24 Buchstaben, Ziffern, _ - oder . (nicht „server“ oder „system“)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Nickname:</source>
        <translation>Spitz&amp;name:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only if your teacher gives you one</source>
        <translation>nur, wenn deine Lehrkraft dir einen gibt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The join code the teacher shows (letter case and spaces do not matter). Leave it empty when the server needs none.</source>
        <translation>Der Beitrittscode, den die Lehrkraft zeigt (Groß-/Kleinschreibung und Leerzeichen sind egal). Leer lassen, wenn der Server keinen braucht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Join code:</source>
        <translation>&amp;Beitrittscode:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Push (WebSocket)</source>
        <translation>Push (WebSocket)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long polling</source>
        <translation>Long Polling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polling</source>
        <translation>Polling</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One WebSocket stays open; the server pushes each message the moment it exists</source>
        <translation>Ein WebSocket bleibt offen; der Server schickt jede Nachricht in dem Moment, in dem es sie gibt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HTTP requests the server holds until it has something (up to 25 s), then the client asks again</source>
        <translation>HTTP-Anfragen, die der Server festhält, bis er etwas hat (bis zu 25 s); dann fragt der Client erneut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An HTTP request every few hundred milliseconds asks “anything new?” – mostly the answer is no</source>
        <translation>Alle paar hundert Millisekunden fragt eine HTTP-Anfrage „Gibt’s was Neues?“ – meistens lautet die Antwort Nein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How messages travel: pushed over a WebSocket, or fetched with HTTP polling (to compare what each costs)</source>
        <translation>Wie Nachrichten reisen: über einen WebSocket geschoben oder per HTTP-Polling abgeholt (um zu vergleichen, was beides kostet)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the client asks the server when polling</source>
        <translation>Wie oft der Client beim Polling den Server fragt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Type the server address, e.g. ws://127.0.0.1:8080</source>
        <translation type="vanished">Geben Sie die Serveradresse ein, z. B. ws://127.0.0.1:8080</translation>
    </message>
    <message>
        <source>The address starts with ws:// (or wss://), e.g. ws://127.0.0.1:8080</source>
        <translation type="vanished">Die Adresse beginnt mit ws:// (oder wss://), z. B. ws://127.0.0.1:8080</translation>
    </message>
    <message>
        <source>The address needs a host, e.g. ws://127.0.0.1:8080</source>
        <translation type="vanished">Die Adresse braucht einen Host, z. B. ws://127.0.0.1:8080</translation>
    </message>
</context>
<context>
    <name>duplex::client::ConversationModel</name>
    <message>
        <location filename="../../app-client/core/conversationmodel.cpp" line="+51"/>
        <source>Joined: %1</source>
        <translation>Hinzugekommen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left: %1</source>
        <translation>Gegangen: %1</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>%1 joined</source>
        <translation>%1 ist hinzugekommen</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n joined: %1</source>
        <translation>
            <numerusform>%n ist hinzugekommen: %1</numerusform>
            <numerusform>%n sind hinzugekommen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 left</source>
        <translation>%1 ist gegangen</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n left: %1</source>
        <translation>
            <numerusform>%n ist gegangen: %1</numerusform>
            <numerusform>%n sind gegangen: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>duplex::client::FrameLogModel</name>
    <message>
        <location filename="../../app-client/core/framelogmodel.cpp" line="+49"/>
        <source>← in</source>
        <translation>← ein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>→ out</source>
        <translation>→ aus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ping (control)</source>
        <translation>Ping (Steuer-Frame)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pong (control)</source>
        <translation>Pong (Steuer-Frame)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close (control)</source>
        <translation>Close (Steuer-Frame)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(unparsed)</source>
        <translation>(nicht ausgewertet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>control frame, round trip %1 ms</source>
        <translation>Steuerframe, Umlaufzeit %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>control frame (keep-alive / RTT probe)</source>
        <translation>Steuerframe (Keep-alive / RTT-Messung)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>control frame: close %1 %2 &quot;%3&quot;</source>
        <translation>Steuer-Frame: close %1 %2 „%3“</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dir</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>WebSocket ping control frame (opcode 0x9), payload: %1.
The server&apos;s WebSocket stack answers with a pong automatically.</source>
        <translation>WebSocket-Ping-Steuer-Frame (Opcode 0x9), Nutzdaten: %1.
Der WebSocket-Stack des Servers antwortet automatisch mit einem Pong.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>WebSocket pong control frame (opcode 0xA), payload: %1.
Round trip: %2 ms.</source>
        <translation>WebSocket-Pong-Steuer-Frame (Opcode 0xA), Nutzdaten: %1.
Rundlaufzeit: %2 ms.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Binary frame, %1: %2</source>
        <translation>Binärer Frame, %1: %2</translation>
    </message>
    <message>
        <source>WebSocket ping control frame (opcode 0x9), payload %1 bytes.
The server&apos;s WebSocket stack answers with a pong automatically.</source>
        <translation type="vanished">WebSocket-Steuerframe Ping (Opcode 0x9), Nutzdaten %1 Bytes.
Der WebSocket-Stack des Servers antwortet automatisch mit einem Pong.</translation>
    </message>
    <message>
        <source>WebSocket pong control frame (opcode 0xA), payload %1 bytes.
Round trip: %2 ms.</source>
        <translation type="vanished">WebSocket-Steuerframe Pong (Opcode 0xA), Nutzdaten %1 Bytes.
Umlaufzeit: %2 ms.</translation>
    </message>
    <message>
        <source>Binary frame, %1 bytes: %2</source>
        <translation type="vanished">Binärer Frame, %1 Bytes: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>WebSocket close control frame (opcode 0x8) without a code.</source>
        <translation>WebSocket-Close-Steuer-Frame (Opcode 0x8) ohne Code.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebSocket close control frame (opcode 0x8).
Code: %1 - %2
Reason: %3</source>
        <translation>WebSocket-Close-Steuer-Frame (Opcode 0x8).
Code: %1 – %2
Grund: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no HTTP response: %1)
</source>
        <translation>(keine HTTP-Antwort: %1)
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes on the wire: %2 of HTTP head, %3 of JSON body.</source>
        <translation>%1 Bytes auf der Leitung: %2 für den HTTP-Kopf, %3 für den JSON-Inhalt.</translation>
    </message>
</context>
<context>
    <name>duplex::client::InspectorDock</name>
    <message>
        <location filename="../../app-client/ui/inspectordock.cpp" line="+54"/>
        <source>Protocol inspector</source>
        <translation>Protokollinspektor</translation>
    </message>
    <message>
        <source>Every WebSocket frame this client sends and receives</source>
        <translation type="vanished">Jeder WebSocket-Frame, den dieser Client sendet und empfängt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every WebSocket frame this client sends and receives, or every HTTP poll request and answer (empty ones too) when it polls</source>
        <translation>Jeder WebSocket-Frame, den dieser Client sendet und empfängt, oder beim Polling jede HTTP-Anfrage und Antwort (auch die leeren)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Filter frames (type, text, direction)…</source>
        <translation>Frames filtern (Typ, Text, Richtung)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows only frames containing this text</source>
        <translation>Zeigt nur Frames, die diesen Text enthalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide keep-alive</source>
        <translation>Keep-alive ausblenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide ping, pong and typing frames</source>
        <translation>Ping-, Pong- und Tipp-Frames ausblenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget the frames listed so far</source>
        <translation>Die bisher aufgelisteten Frames verwerfen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Select a frame to see its JSON</source>
        <translation>Wähl einen Frame, um sein JSON zu sehen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1  %2  1 byte  %3</source>
        <translation>%1  %2  1 Byte  %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1  %2  %n bytes  %3</source>
        <translation>
            <numerusform>%1  %2  %n Byte  %3</numerusform>
            <numerusform>%1  %2  %n Bytes  %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  %2  %3 bytes  %4</source>
        <translation type="vanished">%1  %2  %3 Bytes  %4</translation>
    </message>
</context>
<context>
    <name>duplex::client::MainWindow</name>
    <message>
        <location filename="../../app-client/ui/mainwindow.cpp" line="+73"/>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>+ Join</source>
        <translation>+ Betreten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join or create a room (Ctrl+J)</source>
        <translation>Einen Raum betreten oder anlegen (Strg+J)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rooms you are in and private conversations; red badges count unread messages</source>
        <translation>Deine Räume und privaten Gespräche; rote Plaketten zählen ungelesene Nachrichten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the message (Enter)</source>
        <translation>Die Nachricht senden (Eingabe)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Members of this room; double-click someone to whisper</source>
        <translation>Mitglieder dieses Raums; Doppelklick auf jemanden öffnet ein privates Gespräch</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+476"/>
        <source>Round-trip time of the last WebSocket ping (sent every 5 s)</source>
        <translation>Umlaufzeit des letzten WebSocket-Pings (alle 5 s gesendet)</translation>
    </message>
    <message>
        <location line="-474"/>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip the wait and try to reconnect immediately</source>
        <translation>Nicht länger warten und sofort neu verbinden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>One WebSocket stays open; the server pushes each message the moment it exists</source>
        <translation>Ein WebSocket bleibt offen; der Server schickt jede Nachricht in dem Moment, in dem es sie gibt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HTTP requests the server holds until it has something (up to 25 s), then the client asks again</source>
        <translation>HTTP-Anfragen, die der Server festhält, bis er etwas hat (bis zu 25 s); dann fragt der Client erneut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An HTTP request every few hundred milliseconds asks “anything new?” – mostly the answer is no</source>
        <translation>Alle paar hundert Millisekunden fragt eine HTTP-Anfrage „Gibt’s was Neues?“ – meistens lautet die Antwort Nein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The transport in use. Switching keeps your session: nick, rooms and messages continue. Open the protocol inspector (F12) to watch what each one costs.</source>
        <translation>Der aktuelle Transportweg. Beim Wechseln bleibt deine Sitzung erhalten: Nick, Räume und Nachrichten gehen weiter. Öffne den Protokoll-Inspektor (F12), um zu sehen, was jeder Weg kostet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the client asks the server when polling</source>
        <translation>Wie oft der Client beim Polling den Server fragt</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+422"/>
        <location line="+51"/>
        <source>Duplex Client</source>
        <translation>Duplex Client</translation>
    </message>
    <message>
        <location line="-403"/>
        <source>The server switched this client to: %1</source>
        <translation>Der Server hat diesen Client umgestellt auf: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Switched to %1</source>
        <translation>Zu %1 gewechselt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>RTT %1 ms</source>
        <translation>RTT %1 ms</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to a server, or change server or nickname</source>
        <translation>Mit einem Server verbinden oder Server bzw. Spitznamen wechseln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reconnect now</source>
        <translation>Jetzt &amp;neu verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulate a network &amp;drop</source>
        <translation>Netzwerk&amp;ausfall simulieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cut the connection without a goodbye, to watch reconnect and resume work</source>
        <translation>Die Verbindung ohne Abschied kappen, um Neuverbindung und Wiederaufnahme zu beobachten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join room…</source>
        <translation>Raum &amp;betreten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Whisper to…</source>
        <translation>&amp;Flüstern an…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Servers, tried in this order when one stops: %1</source>
        <translation>Server, in dieser Reihenfolge versucht, wenn einer ausfällt: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Reconnecting in %n s: %1</source>
        <translation>
            <numerusform>Neuer Verbindungsversuch in %n s: %1</numerusform>
            <numerusform>Neuer Verbindungsversuch in %n s: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>RTT —</source>
        <translation>RTT –</translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>Members (%n)</source>
        <translation>
            <numerusform>Mitglieder (%n)</numerusform>
            <numerusform>Mitglieder (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+69"/>
        <source>That message is too long (%n characters; the limit is %1).</source>
        <translation>
            <numerusform>Die Nachricht ist zu lang (%n Zeichen; erlaubt sind %1).</numerusform>
            <numerusform>Die Nachricht ist zu lang (%n Zeichen; erlaubt sind %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation type="vanished">Ctrl+W</translation>
    </message>
    <message>
        <location line="-364"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol &amp;inspector</source>
        <translation>Protokoll&amp;inspektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F12</source>
        <translation>F12</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every WebSocket frame sent and received</source>
        <translation>Jeden gesendeten und empfangenen WebSocket-Frame zeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Commands</source>
        <translation>&amp;Befehle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Duplex Client</source>
        <translation>Über Duplex &amp;Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Duplex Client</source>
        <translation>Über Duplex Client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duplex Client %1

A WebSocket chat client for teaching full-duplex push.
MIT License. Built with Qt %2.</source>
        <translation>Duplex Client %1

Ein WebSocket-Chatprogramm für den Unterricht über Full-Duplex-Push.
MIT-Lizenz. Erstellt mit Qt %2.</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room #%1</source>
        <translation>Raum #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private conversation with %1</source>
        <translation>Privates Gespräch mit %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Neuer Verbindungsversuch in %n s</numerusform>
            <numerusform>Neuer Verbindungsversuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>RTT –</source>
        <translation type="vanished">RTT –</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type a message – Enter sends, Shift+Enter for a new line, /help for commands</source>
        <translation>Nachricht eingeben – Eingabe sendet, Umschalt+Eingabe für eine neue Zeile, /help für Befehle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline – what you type is queued and sent when the connection is back</source>
        <translation>Offline – was du eingibst, wird vorgemerkt und gesendet, sobald die Verbindung wieder steht</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Round-trip time of the last short poll request</source>
        <translation>Umlaufzeit der letzten kurzen Poll-Anfrage</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 @ %2 – Duplex Client</source>
        <translation>%1 @ %2 – Duplex Client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(%1) %2</source>
        <translation>(%1) %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is typing…</source>
        <translation>%1 tippt gerade…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 tippen gerade…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Several people are typing…</source>
        <translation>Mehrere tippen gerade…</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <translation type="vanished">Mitglieder (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Private conversation</source>
        <translation>Privates Gespräch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>in #%1</source>
        <translation>in #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>privately</source>
        <translation>privat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New message from %1 %2</source>
        <translation>Neue Nachricht von %1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Join a room</source>
        <translation>Raum betreten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room name (a-z, 0-9, _ and -, up to 32):</source>
        <translation>Raumname (a–z, 0–9, _ und -, bis zu 32 Zeichen):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Whisper</source>
        <translation>Flüstern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nickname:</source>
        <translation>Spitzname:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Join a room first: /join general</source>
        <translation>Betritt zuerst einen Raum: /join general</translation>
    </message>
    <message>
        <source>That message is too long (%1 characters; the limit is %2).</source>
        <translation type="vanished">Diese Nachricht ist zu lang (%1 Zeichen; höchstens %2 sind erlaubt).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to send.</source>
        <translation>Nichts zu senden.</translation>
    </message>
    <message>
        <location filename="../../app-client/ui/mainwindow_ux.cpp" line="+45"/>
        <source>&amp;Next conversation</source>
        <translation>&amp;Nächstes Gespräch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Previous conversation</source>
        <translation>&amp;Vorheriges Gespräch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Close private conversation</source>
        <translation>Privates Gespräch &amp;schließen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conversation %1</source>
        <translation>Gespräch %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ctrl+W closes private conversations; leave a room with /leave.</source>
        <translation>Strg+W schließt private Gespräche; einen Raum verlässt du mit /leave.</translation>
    </message>
</context>
<context>
    <name>duplex::client::MemberDelegate</name>
    <message>
        <location filename="../../app-client/ui/roomdelegate.cpp" line="+68"/>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  ✎ typing…</source>
        <translation>  ✎ tippt gerade…</translation>
    </message>
</context>
<context>
    <name>duplex::client::MessageDelegate</name>
    <message>
        <location filename="../../app-client/ui/messagedelegate.cpp" line="+121"/>
        <source>waiting: sending too fast, resending shortly…</source>
        <translation>wartet: zu schnell gesendet, wird gleich erneut gesendet…</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>⚑ Notice from %1</source>
        <translation>⚑ Mitteilung von %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>⚑ Private notice from the teacher – only you see this</source>
        <translation>⚑ Private Mitteilung der Lehrkraft – nur du siehst sie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⚑ Private notice from %1 – only you see this</source>
        <translation>⚑ Private Mitteilung von %1 – nur du siehst sie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚑ Notice from the teacher</source>
        <translation>⚑ Mitteilung der Lehrkraft</translation>
    </message>
    <message>
        <location line="+239"/>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+17"/>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>✗ not sent: %1</source>
        <translation>✗ nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>duplex::client::OfflineBanner</name>
    <message>
        <location filename="../../app-client/ui/offlinebanner.cpp" line="+33"/>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip the wait and try to reconnect immediately (Ctrl+R)</source>
        <translation>Nicht warten, sondern sofort neu verbinden (Strg+R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Offline — reconnecting in %n s…</source>
        <translation>
            <numerusform>Offline – neuer Versuch in %n s…</numerusform>
            <numerusform>Offline – neuer Versuch in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offline — reconnecting now…</source>
        <translation>Offline – verbinde gerade neu…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline — not connected. What you type is sent once you are back.</source>
        <translation>Offline – nicht verbunden. Was du eingibst, wird gesendet, sobald du wieder verbunden bist.</translation>
    </message>
</context>
<context>
    <name>duplex::client::PollLink</name>
    <message>
        <location filename="../../app-client/core/polllink.cpp" line="+273"/>
        <source>the server no longer knows this session (409)</source>
        <translation>der Server kennt diese Sitzung nicht mehr (409)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the server answered the poll with HTTP %1</source>
        <translation>der Server hat den Poll mit HTTP %1 beantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server&apos;s poll answer is not a JSON object</source>
        <translation>die Poll-Antwort des Servers ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>duplex::client::RoomListModel</name>
    <message numerus="yes">
        <location filename="../../app-client/core/roomlistmodel.cpp" line="+27"/>
        <source>Room #%1, %n unread</source>
        <translation>
            <numerusform>Raum #%1, %n ungelesen</numerusform>
            <numerusform>Raum #%1, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room #%1</source>
        <translation>Raum #%1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Whispers with %1, %n unread</source>
        <translation>
            <numerusform>Privat mit %1, %n ungelesen</numerusform>
            <numerusform>Privat mit %1, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whispers with %1</source>
        <translation>Privat mit %1</translation>
    </message>
</context>
<context>
    <name>duplex::client::RosterModel</name>
    <message>
        <location filename="../../app-client/core/rostermodel.cpp" line="+42"/>
        <source>%1 is typing</source>
        <translation>%1 tippt gerade</translation>
    </message>
</context>
<context>
    <name>duplex::proto</name>
    <message>
        <location filename="../../common/codec.cpp" line="-271"/>
        <source>The frame is not valid JSON (%1 at byte %2).</source>
        <translation>Der Frame ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The frame must be a JSON object.</source>
        <translation>Der Frame muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Field &apos;id&apos; must be a string of 1 to %1 characters.</source>
        <translation>Das Feld &apos;id&apos; muss eine Zeichenkette mit 1 bis %1 Zeichen sein.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown message type &apos;%1&apos;.</source>
        <translation>Unbekannter Nachrichtentyp &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The text is empty.</source>
        <translation>Der Text ist leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The text has more than %1 characters.</source>
        <translation>Der Text hat mehr als %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Field &apos;agent&apos; has at most %1 characters.</source>
        <translation>Das Feld &apos;agent&apos; hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No one called &quot;%1&quot; is connected.</source>
        <translation>Niemand namens „%1“ ist verbunden.</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>Unknown presence event &apos;%1&apos;.</source>
        <translation>Unbekanntes Anwesenheitsereignis &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>duplex::proto::FieldReader</name>
    <message>
        <location line="-394"/>
        <source>Field &apos;%1&apos; must be a whole number from %2 to %3.</source>
        <translation>Das Feld &apos;%1&apos; muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
</context>
<context>
    <name>duplex::server</name>
    <message>
        <location filename="../../common/websocket.cpp" line="+202"/>
        <source>normal closure: the client said goodbye</source>
        <translation>normales Schließen: der Client hat sich verabschiedet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>going away: the page or program closed, or the server is shutting down</source>
        <translation>geht weg: Seite oder Programm wurde geschlossen, oder der Server fährt herunter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>protocol error: a frame broke the WebSocket rules</source>
        <translation>Protokollfehler: ein Frame hat gegen die WebSocket-Regeln verstoßen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsupported data</source>
        <translation>nicht unterstützte Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no status code was given</source>
        <translation>kein Statuscode angegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>abnormal closure: the connection dropped without a close frame</source>
        <translation>abnormales Ende: die Verbindung brach ohne Close-Frame ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid data: the text was not valid UTF-8</source>
        <translation>ungültige Daten: der Text war kein gültiges UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>policy violation: flooding, or reading too slowly</source>
        <translation>Regelverstoß: Überflutung oder zu langsames Lesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>message too big: over the size limit</source>
        <translation>Nachricht zu groß: über der Größengrenze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>internal server error</source>
        <translation>interner Serverfehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>try again later: the server is full</source>
        <translation>später erneut versuchen: der Server ist voll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>taken over: the same session resumed on a new connection</source>
        <translation>übernommen: dieselbe Sitzung wurde über eine neue Verbindung fortgesetzt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kicked by the operator</source>
        <translation>am Server hinausgeworfen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>application-defined code</source>
        <translation>von der Anwendung festgelegter Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown code</source>
        <translation>unbekannter Code</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app-client/main.cpp" line="+33"/>
        <source>Duplex WebSocket chat client</source>
        <translation>Duplex-WebSocket-Chatprogramm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server address, e.g. ws://127.0.0.1:8080/. Several servers of one cluster: repeat the option or separate them with commas; the client moves to the next when one stops.</source>
        <translation>Serveradresse, z. B. ws://127.0.0.1:8080/. Mehrere Server eines Clusters: die Option wiederholen oder die Adressen durch Kommas trennen; fällt einer aus, wechselt der Client zum nächsten.</translation>
    </message>
    <message>
        <source>Server address, e.g. ws://127.0.0.1:8080/.</source>
        <translation type="vanished">Serveradresse, z. B. ws://127.0.0.1:8080/.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nickname. With --server, connects at once.</source>
        <translation>Spitzname. Zusammen mit --server wird sofort verbunden.</translation>
    </message>
</context>
</TS>
