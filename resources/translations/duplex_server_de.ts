<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <location filename="../../app-server/ui/serverwindowapp.cpp" line="+65"/>
        <source>Cannot open the database %1: %2</source>
        <translation>Die Datenbank %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duplex Server</source>
        <translation>Duplex Server</translation>
    </message>
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
    <message>
        <location filename="../../app-server/core/headless.cpp" line="+76"/>
        <source>duplex-server: cannot listen on %1 port %2: %3</source>
        <translation>duplex-server: kann auf %1 Port %2 keine Verbindungen annehmen: %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>duplex-server: cannot set up signal handling.</source>
        <translation>duplex-server: die Signalbehandlung lässt sich nicht einrichten.</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>stopped (1001 sent to %n clients: %1 closed in time, %2 did not); database closed.</source>
        <translation>
            <numerusform>beendet (1001 an %n Client gesendet: %1 rechtzeitig geschlossen, %2 nicht); Datenbank geschlossen.</numerusform>
            <numerusform>beendet (1001 an %n Clients gesendet: %1 rechtzeitig geschlossen, %2 nicht); Datenbank geschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>join code &quot;%1&quot; needed for new sessions.</source>
        <translation>Beitrittscode „%1“ für neue Sitzungen nötig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a kick bans the nickname and address for %1 min.</source>
        <translation>ein Hinauswurf sperrt Spitznamen und Adresse für %1 min.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a kick bans nobody (--ban-minutes 0).</source>
        <translation>ein Hinauswurf sperrt niemanden (--ban-minutes 0).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reserved nicknames: %1.</source>
        <translation>reservierte Spitznamen: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked: no new sessions (resumes still work).</source>
        <translation>gesperrt: keine neuen Sitzungen (Fortsetzen geht weiterhin).</translation>
    </message>
    <message>
        <source>stopped (%1 clients closed with 1001%2); database closed.</source>
        <translation type="vanished">beendet (%1 Clients mit 1001 geschlossen%2); Datenbank geschlossen.</translation>
    </message>
    <message>
        <source>, %1 did not answer in time</source>
        <translation type="vanished">, %1 haben nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>signal %1: closing every client with 1001 (going away).</source>
        <translation>Signal %1: schließe alle Clients mit 1001 (geht weg).</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>database %1; name &quot;%2&quot;; rate %3/s, burst %4; at most %5 clients.</source>
        <translation>Datenbank %1; Name „%2“; Rate %3/s, Burst %4; höchstens %5 Clients.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/serveroptions.cpp" line="+110"/>
        <source>Run without a window: log connections to standard output.</source>
        <translation>Ohne Fenster laufen: Verbindungen auf der Standardausgabe protokollieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listen on this address (default: all interfaces).</source>
        <translation>Auf dieser Adresse Verbindungen annehmen (Vorgabe: alle Schnittstellen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen on this TCP port (default 8080; 0 picks a free one).</source>
        <translation>Auf diesem TCP-Port Verbindungen annehmen (Vorgabe 8080; 0 wählt einen freien).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SQLite history database (default: in the application data folder; &quot;:memory:&quot; keeps nothing).</source>
        <translation>Die SQLite-Datenbank für den Verlauf (Vorgabe: im Datenordner der Anwendung; „:memory:“ speichert nichts dauerhaft).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server name shown to clients.</source>
        <translation>Der Servername, den die Clients sehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages per second each client may send (default 10; 0 = unlimited).</source>
        <translation>Nachrichten pro Sekunde, die jeder Client senden darf (Vorgabe 10; 0 = unbegrenzt).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Messages a client may send at once before the rate applies (default 20).</source>
        <translation>Nachrichten, die ein Client auf einmal senden darf, bevor die Rate greift (Vorgabe 20).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse connections beyond this many (default 10000).</source>
        <translation>Verbindungen über diese Anzahl hinaus ablehnen (Vorgabe 10000).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse new messages (&quot;server busy&quot;) while more than this many MiB wait to be sent to all clients together (default 64; 0 = never).</source>
        <translation>Neue Nachrichten ablehnen („Server ausgelastet“), solange insgesamt mehr als so viele MiB darauf warten, an alle Clients gesendet zu werden (Standard 64; 0 = nie).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not limit connections and messages per address: use it when all students reach the server through one address (a NAT or a proxy).</source>
        <translation>Verbindungen und Nachrichten nicht je Adresse begrenzen: für den Fall, dass alle Schüler den Server über eine einzige Adresse erreichen (ein NAT oder ein Proxy).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also let pages from this origin (e.g. http://teacher.example:3000) open the chat; repeatable. The server&apos;s own page needs nothing.</source>
        <translation>Auch Seiten von diesem Ursprung (z. B. http://lehrer.example:3000) den Chat öffnen lassen; mehrfach möglich. Die eigene Seite des Servers braucht das nicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another server of this cluster, by the address students open (e.g. http://192.168.1.21:8080/); repeatable. The browser page moves to it when this server stops, and its page may move here.</source>
        <translation>Ein weiterer Server dieses Clusters, mit der Adresse, die die Schülerinnen und Schüler öffnen (z. B. http://192.168.1.21:8080/); wiederholbar. Die Browserseite wechselt zu ihm, wenn dieser Server stoppt, und seine Seite darf hierher wechseln.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Append every frame and HTTP head on the wire to FILE, one JSON line each (the frame X-ray&apos;s recording).</source>
        <translation>Jeden Frame und jeden HTTP-Kopf auf der Leitung an DATEI anhängen, je eine JSON-Zeile (die Aufzeichnung des Frame-Röntgenblicks).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share rooms, their order and history with other duplex-server processes through the Redis server at URL (redis://HOST:PORT[/DB]).</source>
        <translation>Räume, ihre Reihenfolge und ihren Verlauf über den Redis-Server unter URL (redis://HOST:PORT[/DB]) mit anderen duplex-server-Prozessen teilen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Convert the recording given with --record to a Wireshark capture FILE (.pcapng) and exit; --port is the server port in it.</source>
        <translation>Die mit --record angegebene Aufzeichnung in eine Wireshark-Mitschnittdatei DATEI (.pcapng) umwandeln und beenden; --port ist darin der Server-Port.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How the class talks to the server at start: push (WebSocket), poll (a request every --poll-interval ms) or long-poll. Clients that can switch are told; the window can change it live.</source>
        <translation>Wie die Klasse zu Beginn mit dem Server spricht: push (WebSocket), poll (eine Anfrage alle --poll-interval ms) oder long-poll. Clients, die wechseln können, werden benachrichtigt; im Fenster lässt es sich live ändern.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The poll period for --class-transport poll, in ms (default 500).</source>
        <translation>Der Abfrageabstand für --class-transport poll in ms (Standard 500).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop a WebSocket that answers no ping, or a polling session that sends no poll, for this many ms (default 45000); its session stays resumable.</source>
        <translation>Eine WebSocket-Verbindung, die so viele ms auf keinen Ping antwortet, oder eine Polling-Sitzung, die so lange nicht abfragt, trennen (Standard 45000); die Sitzung bleibt fortsetzbar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New students need this code to join (letter case and spaces do not matter).</source>
        <translation>Neue Schülerinnen und Schüler brauchen diesen Code zum Beitreten (Groß-/Kleinschreibung und Leerzeichen sind egal).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After a kick, the nickname and address are banned this many minutes (default 10; 0 = no ban).</source>
        <translation>Nach einem Hinauswurf sind Spitzname und Adresse so viele Minuten gesperrt (Standard 10; 0 = keine Sperre).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A nickname no student can take, in any letter case (e.g. teacher); repeatable or a comma list. The server&apos;s own machine may use it.</source>
        <translation>Ein Spitzname, den kein Schüler nehmen kann, in jeder Schreibweise (z. B. teacher); wiederholbar oder als Kommaliste. Der Rechner des Servers selbst darf ihn benutzen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start locked: no new sessions until unlocked in the window (resumes still work).</source>
        <translation>Gesperrt starten: keine neuen Sitzungen, bis der Server im Fenster entsperrt wird (Fortsetzen geht weiterhin).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the stored messages of ROOM from the --db database and exit (no display, no listening).</source>
        <translation>Die gespeicherten Nachrichten von ROOM aus der Datenbank --db ausgeben und beenden (ohne Bildschirm, ohne zu lauschen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --transcript: only messages from this ISO 8601 date or time on (2026-12-07, 2026-12-07T14:00, 14:00).</source>
        <translation>Mit --transcript: nur Nachrichten ab diesem ISO-8601-Datum oder dieser Uhrzeit (2026-12-07, 2026-12-07T14:00, 14:00).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --transcript: text (default) or csv.</source>
        <translation>Mit --transcript: text (Standard) oder csv.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --transcript: also the joins, leaves, nick changes and notices to the room or to everyone, merged in by time (not private notices).</source>
        <translation>Mit --transcript: auch Beitritte, Abgänge, Namenswechsel und Mitteilungen an den Raum oder an alle, nach der Zeit zwischen die Nachrichten gereiht (keine privaten Mitteilungen).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--bind: &quot;%1&quot; is not an IP address.</source>
        <translation>--bind: „%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--port: give a number from 0 to 65535.</source>
        <translation>--port: bitte eine Zahl von 0 bis 65535 angeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--db: give a file path or &quot;:memory:&quot;.</source>
        <translation>--db: bitte einen Dateipfad oder „:memory:“ angeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--name: the server name cannot be empty.</source>
        <translation>--name: der Servername darf nicht leer sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--rate: give a number of messages per second, 0 for unlimited.</source>
        <translation>--rate: bitte eine Anzahl Nachrichten pro Sekunde angeben, 0 für unbegrenzt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--burst: give a whole number of at least 1.</source>
        <translation>--burst: bitte eine ganze Zahl ab 1 angeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--max-clients: give a whole number of at least 1.</source>
        <translation>--max-clients: bitte eine ganze Zahl ab 1 angeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--max-queued-mib: give a whole number of MiB, 0 for never.</source>
        <translation>--max-queued-mib: eine ganze Zahl in MiB angeben, 0 für nie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--allow-origin: give an origin like http://host:port.</source>
        <translation>--allow-origin: einen Ursprung wie http://host:port angeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--peer: give a page address like http://host:port/.</source>
        <translation>--peer: eine Seitenadresse wie http://host:port/ angeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--record: give a file path.</source>
        <translation>--record: Geben Sie einen Dateipfad an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--redis: give an address like redis://127.0.0.1:6379.</source>
        <translation>--redis: Gib eine Adresse wie redis://127.0.0.1:6379 an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--pcapng: give a file path, and the recording with --record.</source>
        <translation>--pcapng: Geben Sie einen Dateipfad an und die Aufzeichnung mit --record.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--class-transport: give push, poll or long-poll.</source>
        <translation>--class-transport: Geben Sie push, poll oder long-poll an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--poll-interval: give a whole number of ms from 10 to 600000.</source>
        <translation>--poll-interval: Geben Sie eine ganze Zahl von ms zwischen 10 und 600000 an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--peer-timeout: give a whole number of ms from 100 to 3600000.</source>
        <translation>--peer-timeout: Geben Sie eine ganze Zahl von ms zwischen 100 und 3600000 an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--ban-minutes: give a number of minutes from 0 to 10080 (a week).</source>
        <translation>--ban-minutes: Gib eine Anzahl Minuten von 0 bis 10080 (eine Woche) an.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--reserve-nick: &quot;%1&quot;: %2</source>
        <translation>--reserve-nick: „%1“: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--transcript: &quot;%1&quot; is not a room name.</source>
        <translation>--transcript: „%1“ ist kein Raumname.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--transcript: give the database with --db FILE.</source>
        <translation>--transcript: Gib die Datenbank mit --db DATEI an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--since: give an ISO 8601 date or time, e.g. 2026-12-07 or 2026-12-07T14:00 or 14:00.</source>
        <translation>--since: Gib ein ISO-8601-Datum oder eine Uhrzeit an, z. B. 2026-12-07, 2026-12-07T14:00 oder 14:00.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--format: give text or csv.</source>
        <translation>--format: Gib text oder csv an.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/pcapng.cpp" line="+231"/>
        <source>Duplex recording: only the first %1 of %2 bytes were kept; the rest is zeros here.</source>
        <translation>Duplex-Aufzeichnung: Nur die ersten %1 von %2 Bytes wurden behalten; der Rest sind hier Nullen.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n records written to %1 (%2 lines skipped); open it with Wireshark, or: tshark -r %1 -d tcp.port==%3,http</source>
        <translation>
            <numerusform>%n Eintrag nach %1 geschrieben (%2 Zeilen übersprungen); öffnen Sie die Datei mit Wireshark oder: tshark -r %1 -d tcp.port==%3,http</numerusform>
            <numerusform>%n Einträge nach %1 geschrieben (%2 Zeilen übersprungen); öffnen Sie die Datei mit Wireshark oder: tshark -r %1 -d tcp.port==%3,http</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records written to %2 (%3 lines skipped); open it with Wireshark, or: tshark -r %2 -d tcp.port==%4,http</source>
        <translation type="vanished">%1 Einträge nach %2 geschrieben (%3 Zeilen übersprungen); öffnen Sie sie mit Wireshark oder: tshark -r %2 -d tcp.port==%4,http</translation>
    </message>
    <message>
        <location filename="../../app-server/core/pollrequest.cpp" line="+45"/>
        <source>The body must be one JSON object.</source>
        <translation>Der Inhalt muss genau ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Field &apos;session&apos; must be a string.</source>
        <translation>Das Feld &apos;session&apos; muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Field &apos;send&apos; must be an array.</source>
        <translation>Das Feld &apos;send&apos; muss ein Array sein.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Field &apos;ack&apos; must be a whole number, 0 or more.</source>
        <translation>Das Feld &apos;ack&apos; muss eine ganze Zahl ab 0 sein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Field &apos;wait&apos; must be a whole number of milliseconds.</source>
        <translation>Das Feld &apos;wait&apos; muss eine ganze Zahl von Millisekunden sein.</translation>
    </message>
</context>
<context>
    <name>duplex::server::ChatServer</name>
    <message>
        <location filename="../../app-server/core/chatserver.cpp" line="+87"/>
        <source>%1 does not read its messages (%2 bytes waiting): closed with 1008.</source>
        <translation>%1 liest seine Nachrichten nicht (%2 Bytes warten): mit 1008 geschlossen.</translation>
    </message>
    <message>
        <source>Refused %1: the server is full (%2 clients); closed with 1013.</source>
        <translation type="vanished">%1 abgelehnt: der Server ist voll (%2 Clients); mit 1013 geschlossen.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chatserver_p.h" line="+89"/>
        <source>%1 loaded the browser page.</source>
        <translation>%1 hat die Browserseite geladen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 answered %3.</source>
        <translation>%1: %2 mit %3 beantwortet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app-server/core/chatserver.cpp" line="-46"/>
        <source>Refused %1: the server is full (%n clients); closed with 1013.</source>
        <translation>
            <numerusform>%1 abgelehnt: Der Server ist voll (%n Client); mit 1013 geschlossen.</numerusform>
            <numerusform>%1 abgelehnt: Der Server ist voll (%n Clients); mit 1013 geschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 connected (%2).</source>
        <translation>%1 hat sich verbunden (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no subprotocol</source>
        <translation>kein Subprotokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subprotocol %1</source>
        <translation>Subprotokoll %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../app-server/core/chatserver_poll.cpp" line="+83"/>
        <source>%1: %2; closed with 1008.</source>
        <translation>%1: %2; mit 1008 geschlossen.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 sent more than %2 bytes in one message: closed with 1009.</source>
        <translation>%1 hat mehr als %2 Bytes in einer Nachricht gesendet: mit 1009 geschlossen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 broke the WebSocket protocol: closed with %2 (%3).</source>
        <translation>%1 hat gegen das WebSocket-Protokoll verstoßen: mit %2 geschlossen (%3).</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>%1 did not say hello within %2 s: closed with 1008.</source>
        <translation>%1 hat sich nicht innerhalb von %2 s angemeldet (hello): mit 1008 geschlossen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 sent no poll for %2 s: dropped.</source>
        <translation>%1 hat %2 s lang nicht abgefragt: getrennt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no poll for %1 s</source>
        <translation>%1 s lang keine Abfrage</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Cannot record to %1: %2</source>
        <translation>Aufzeichnung nach %1 nicht möglich: %2</translation>
    </message>
    <message>
        <location filename="../../app-server/core/wsconnection.cpp" line="+579"/>
        <source>connection lost without a close frame</source>
        <translation>Verbindung ohne Close-Frame verloren</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chatserver.cpp" line="-167"/>
        <source>%1 disconnected: closed cleanly with code %2%3.</source>
        <translation>%1 getrennt: sauber geschlossen mit Code %2%3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 disconnected: closed by the server with code %2%3.</source>
        <translation>%1 getrennt: vom Server geschlossen mit Code %2%3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 disconnected: dropped (%2).</source>
        <translation>%1 getrennt: abgebrochen (%2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The session can be resumed for %1 s.</source>
        <translation>Die Sitzung lässt sich %1 s lang fortsetzen.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/engine.cpp" line="+294"/>
        <source>%1 kept flooding past %2 refused messages: closed with 1008.</source>
        <translation>%1 hat trotz %2 abgewiesener Nachrichten weiter geflutet: mit 1008 geschlossen.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>%1 sends too fast (over %2/s, burst %3): messages dropped.</source>
        <translation>%1 sendet zu schnell (über %2/s, Burst %3): Nachrichten verworfen.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chathandlers.cpp" line="+84"/>
        <source>%1: a new connection resumed this session; the old one is closed with 4000.</source>
        <translation>%1: eine neue Verbindung hat diese Sitzung fortgesetzt; die alte wird mit 4000 geschlossen.</translation>
    </message>
    <message>
        <source>%1 resumed its session as &quot;%2&quot; (%3 rooms).</source>
        <translation type="vanished">%1 hat seine Sitzung als „%2“ fortgesetzt (%3 Räume).</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1 resumed its session as &quot;%2&quot; (1 room).</source>
        <translation>%1 hat seine Sitzung als „%2“ fortgesetzt (1 Raum).</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 resumed its session as &quot;%2&quot; (%n rooms).</source>
        <translation>
            <numerusform>%1 hat seine Sitzung als „%2“ fortgesetzt (%n Raum).</numerusform>
            <numerusform>%1 hat seine Sitzung als „%2“ fortgesetzt (%n Räume).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 said hello as &quot;%2&quot;%3.</source>
        <translation>%1 hat sich als „%2“ angemeldet%3.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Could not store a message from %1: %2</source>
        <translation>Eine Nachricht von %1 ließ sich nicht speichern: %2</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>%1 is now known as &quot;%2&quot;.</source>
        <translation>%1 heißt jetzt „%2“.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chatserver.cpp" line="+77"/>
        <source>%1 did not answer pings for %2 s: dropped.</source>
        <translation>%1 hat %2 s lang nicht auf Pings geantwortet: getrennt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer to pings for %1 s</source>
        <translation>%1 s lang keine Antwort auf Pings</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nobody resumed the session of &quot;%1&quot; within %2 s: the nickname is free again.</source>
        <translation>Niemand hat die Sitzung von „%1“ innerhalb von %2 s fortgesetzt: der Spitzname ist wieder frei.</translation>
    </message>
    <message>
        <location line="-214"/>
        <location line="+308"/>
        <location filename="../../app-server/core/chatserver_poll.cpp" line="+40"/>
        <source>server shutting down</source>
        <translation>Server fährt herunter</translation>
    </message>
    <message>
        <location filename="../../app-server/core/engine.cpp" line="+91"/>
        <source>The server is busy (%1 bytes waiting to be sent): new messages are refused until it catches up.</source>
        <translation>Der Server ist ausgelastet (%1 Bytes warten auf das Senden): neue Nachrichten werden abgelehnt, bis er aufgeholt hat.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chatserver_class.cpp" line="+34"/>
        <source>%1 was kicked.</source>
        <translation>%1 wurde hinausgeworfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was kicked: %2</source>
        <translation>%1 wurde hinausgeworfen: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Banned for %1 min (until %2).</source>
        <translation>Für %1 min gesperrt (bis %2).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No join code needed any more.</source>
        <translation>Kein Beitrittscode mehr nötig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New sessions need the join code “%1”.</source>
        <translation>Neue Sitzungen brauchen den Beitrittscode „%1“.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The ban of %1 was lifted.</source>
        <translation>Die Sperre von %1 wurde aufgehoben.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>“%1” is muted.</source>
        <translation>„%1“ ist stummgeschaltet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is no longer muted.</source>
        <translation>„%1“ ist nicht mehr stummgeschaltet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server is locked: no new sessions.</source>
        <translation>Der Server ist gesperrt: keine neuen Sitzungen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server is open for new sessions again.</source>
        <translation>Der Server ist wieder offen für neue Sitzungen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>#%1 is locked: nobody new can join it.</source>
        <translation>#%1 ist gesperrt: Niemand Neues kann ihn betreten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#%1 is open again.</source>
        <translation>#%1 ist wieder offen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Slow mode in #%1: one message every %2 s per member.</source>
        <translation>Langsamer Modus in #%1: eine Nachricht alle %2 s pro Mitglied.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow mode in #%1 is off.</source>
        <translation>Langsamer Modus in #%1 ist aus.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The nickname “%1” held for a dropped connection is free again (that session cannot be resumed).</source>
        <translation>Der Spitzname „%1“, der für eine abgebrochene Verbindung reserviert war, ist wieder frei (diese Sitzung kann nicht mehr fortgesetzt werden).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app-server/core/chatserver_observe.cpp" line="+54"/>
        <source>The class switches to polling every %1 ms (%n clients told).</source>
        <translation>
            <numerusform>Die Klasse wechselt zu Abfragen alle %1 ms (%n Client benachrichtigt).</numerusform>
            <numerusform>Die Klasse wechselt zu Abfragen alle %1 ms (%n Clients benachrichtigt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The class switches to long polling (%n clients told).</source>
        <translation>
            <numerusform>Die Klasse wechselt zu Long Polling (%n Client benachrichtigt).</numerusform>
            <numerusform>Die Klasse wechselt zu Long Polling (%n Clients benachrichtigt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The class switches to WebSocket push (%n clients told).</source>
        <translation>
            <numerusform>Die Klasse wechselt zu WebSocket-Push (%n Client benachrichtigt).</numerusform>
            <numerusform>Die Klasse wechselt zu WebSocket-Push (%n Clients benachrichtigt).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app-server/core/chatserver_poll.cpp" line="-47"/>
        <source>%1 started an HTTP polling session.</source>
        <translation>%1 hat eine HTTP-Polling-Sitzung begonnen.</translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>Refused %1: the server is full (%n clients).</source>
        <translation>
            <numerusform>%1 abgelehnt: Der Server ist voll (%n Client).</numerusform>
            <numerusform>%1 abgelehnt: Der Server ist voll (%n Clients).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1: poll session expired.</source>
        <translation>%1: Polling-Sitzung abgelaufen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>poll session expired</source>
        <translation>Polling-Sitzung abgelaufen</translation>
    </message>
    <message>
        <source>Refused %1: the server is full (%2 clients).</source>
        <translation type="vanished">%1 abgewiesen: Der Server ist voll (%2 Clients).</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chathandlers_class.cpp" line="+49"/>
        <source>Too many wrong join codes from your address: wait a minute.</source>
        <translation>Zu viele falsche Beitrittscodes von deiner Adresse: Warte eine Minute.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+42"/>
        <source>%1: too many wrong join codes from this address; closed with 1008.</source>
        <translation>%1: zu viele falsche Beitrittscodes von dieser Adresse; mit 1008 geschlossen.</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>You were removed from this server until %1.</source>
        <translation>Du wurdest bis %1 von diesem Server entfernt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (&quot;%2&quot;) is banned until %3; closed with 4003.</source>
        <translation>%1 („%2“) ist bis %3 gesperrt; mit 4003 geschlossen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (&quot;%2&quot;): the server is locked; closed with 4002.</source>
        <translation>%1 („%2“): Der Server ist gesperrt; mit 4002 geschlossen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This server needs a join code. Ask your teacher.</source>
        <translation>Dieser Server braucht einen Beitrittscode. Frag deine Lehrkraft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The join code is wrong. Ask your teacher.</source>
        <translation>Der Beitrittscode ist falsch. Frag deine Lehrkraft.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (&quot;%2&quot;) sent no join code.</source>
        <translation>%1 („%2“) hat keinen Beitrittscode gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (&quot;%2&quot;) sent a wrong join code.</source>
        <translation>%1 („%2“) hat einen falschen Beitrittscode gesendet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The nickname “%1” is reserved on this server.</source>
        <translation>Der Spitzname „%1“ ist auf diesem Server reserviert.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The nickname “%1” belongs to a connection that dropped: your previous connection is still held; reconnecting resumes it. Otherwise it is free in %2 s, or the teacher can free it.</source>
        <translation>Der Spitzname „%1“ gehört zu einer abgebrochenen Verbindung: Deine vorige Verbindung wird noch gehalten; neu verbinden setzt sie fort. Sonst ist er in %2 s frei, oder die Lehrkraft gibt ihn frei.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The room #%1 is locked: nobody new can join it.</source>
        <translation>Der Raum #%1 ist gesperrt: Niemand Neues kann ihn betreten.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Slow mode in #%1: one message every %2 s. Wait %3 s.</source>
        <translation>Langsamer Modus in #%1: eine Nachricht alle %2 s. Warte %3 s.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chathandlers_redis.cpp" line="+82"/>
        <source>%1 sent too much before its hello was answered: closed with 1008.</source>
        <translation>%1 hat zu viel gesendet, bevor die Anmeldung (hello) beantwortet war: mit 1008 geschlossen.</translation>
    </message>
</context>
<context>
    <name>duplex::server::ClassControlUi</name>
    <message>
        <location filename="../../app-server/ui/classcontrolui.cpp" line="+210"/>
        <source>&amp;Class</source>
        <translation>&amp;Klasse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lock server</source>
        <translation>Server &amp;sperren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No new students can join (error locked, close 4002). Students who are in, or whose connection dropped, stay and can resume.</source>
        <translation>Niemand Neues kann beitreten (Fehler locked, Schließen mit 4002). Wer drin ist oder wessen Verbindung abgebrochen ist, bleibt und kann fortsetzen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Bans and held nicknames…</source>
        <translation>Sperren und &amp;gehaltene Spitznamen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lift a ban early; free a nickname held for a dropped connection.</source>
        <translation>Eine Sperre vorzeitig aufheben; einen für eine abgebrochene Verbindung gehaltenen Spitznamen freigeben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save &amp;transcript…</source>
        <translation>&amp;Protokoll speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save what was said in a room, from the database, as text or CSV.</source>
        <translation>Speichert, was in einem Raum gesagt wurde, aus der Datenbank als Text oder CSV.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Lock #%1</source>
        <translation>#%1 &amp;sperren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Slow mode (%1 s)…</source>
        <translation>&amp;Langsamer Modus (%1 s)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Slow mode…</source>
        <translation>&amp;Langsamer Modus…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slow mode in #%1</source>
        <translation>Langsamer Modus in #%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One message per member every (seconds, 0 = off):</source>
        <translation>Eine Nachricht pro Mitglied alle (Sekunden, 0 = aus):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save &amp;transcript of #%1…</source>
        <translation>&amp;Protokoll von #%1 speichern…</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+44"/>
        <location line="+8"/>
        <source>Save transcript</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Plain &amp;text: [date time] nick: text</source>
        <translation>Reiner &amp;Text: [Datum Uhrzeit] Spitzname: Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CSV (seq, ts, nick, text) for a spreadsheet</source>
        <translation>&amp;CSV (seq, ts, nick, text) für eine Tabellenkalkulation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns seq, ts, nick, text. With notices and joins/leaves a fifth column, kind, tells a message from a join, leave, nick change or notice.</source>
        <translation>Spalten seq, ts, nick, text. Mit Mitteilungen sowie Beitritten und Abgängen sagt eine fünfte Spalte, kind, ob eine Zeile eine Nachricht, ein Beitritt, ein Abgang, eine Namensänderung oder eine Mitteilung ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only &amp;today&apos;s messages</source>
        <translation>Nur &amp;heutige Nachrichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include &amp;notices and joins/leaves</source>
        <translation>&amp;Mitteilungen sowie Beitritte und Abgänge einschließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who joined and left (in a busy minute: “…and 12 more joins”), nick changes and your notices to the room or to everyone, between the messages. Private notices are never in it.</source>
        <translation>Wer beigetreten ist und wer gegangen ist (in einer vollen Sekunde: „…und 12 weitere Beitritte“), Namenswechsel und Ihre Mitteilungen an den Raum oder an alle, zwischen den Nachrichten. Private Mitteilungen stehen nie darin.</translation>
    </message>
    <message>
        <source>From the database: every message said in the room (notices and joins/leaves are not stored, so they are not in it).</source>
        <translation type="vanished">Aus der Datenbank: jede Nachricht, die im Raum gesagt wurde (Mitteilungen sowie Betreten/Verlassen werden nicht gespeichert und fehlen daher).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Room:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text (*.txt);;All files (*)</source>
        <translation>Text (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>duplex::server::ClientModel</name>
    <message>
        <location filename="../../app-server/core/clientmodel.cpp" line="+109"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>(no hello yet)</source>
        <translation>(noch kein hello)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>here</source>
        <translation>hier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected to another server of the cluster. Kick, ban, mute and a private notice reach it through Redis; its counters and handshake are in that server&apos;s window.</source>
        <translation>Mit einem anderen Server des Verbunds verbunden. Hinauswerfen, Sperren, Stummschalten und eine private Mitteilung erreichen ihn über Redis; Zähler und Handshake zeigt das Fenster jenes Servers.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nick</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames in</source>
        <translation>Frames ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames out</source>
        <translation>Frames aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The nickname the client chose in its hello.</source>
        <translation>Der Spitzname, den der Client in seinem hello gewählt hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client&apos;s IP address and TCP port: each connection is one TCP connection that stays open.</source>
        <translation>IP-Adresse und TCP-Port des Clients: Jede Verbindung ist eine TCP-Verbindung, die offen bleibt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The program the client says it is (the agent field of hello).</source>
        <translation>Das Programm, als das sich der Client ausgibt (das Feld agent von hello).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rooms this client has joined.</source>
        <translation>Die Räume, die dieser Client betreten hat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long this WebSocket connection has been open.</source>
        <translation>Wie lange diese WebSocket-Verbindung schon offen ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages received from this client.</source>
        <translation>Von diesem Client empfangene Nachrichten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages the server pushed to this client.</source>
        <translation>Nachrichten, die der Server zu diesem Client gepusht hat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes received from this client.</source>
        <translation>Von diesem Client empfangene Bytes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes sent to this client.</source>
        <translation>An diesen Client gesendete Bytes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round-trip time of the last WebSocket ping/pong, in milliseconds.</source>
        <translation>Umlaufzeit des letzten WebSocket-Ping/Pong, in Millisekunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which server of the cluster (--redis) the client is connected to: “here” is this one.</source>
        <translation>Mit welchem Server des Verbunds (--redis) der Client verbunden ist: „hier“ ist dieser.</translation>
    </message>
</context>
<context>
    <name>duplex::server::ClientsPanel</name>
    <message>
        <location filename="../../app-server/ui/clientspanel.cpp" line="+102"/>
        <location line="+139"/>
        <source>Opening handshake</source>
        <translation>Eröffnungs-Handshake</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Every open WebSocket connection. Click a client to see its handshake; right-click to push a notice or kick.</source>
        <translation>Jede offene WebSocket-Verbindung. Ein Klick auf einen Client zeigt seinen Handshake; mit einem Rechtsklick pushen Sie eine Mitteilung oder werfen ihn hinaus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a client to see how its connection was opened: the HTTP request, the 101 answer, and the Accept proof.</source>
        <translation>Wählen Sie einen Client, um zu sehen, wie seine Verbindung geöffnet wurde: die HTTP-Anfrage, die Antwort 101 und den Accept-Nachweis.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The opening handshake of the selected connection, header by header.</source>
        <translation>Der Eröffnungs-Handshake der gewählten Verbindung, Header für Header.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice…</source>
        <translation>Mitteilung…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Push a notice to the selected client only.</source>
        <translation>Eine Mitteilung nur an den gewählten Client pushen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kick…</source>
        <translation>Hinauswerfen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the selected client&apos;s connection with code 4001 and a reason.</source>
        <translation>Die Verbindung des gewählten Clients mit Code 4001 und einer Begründung schließen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+207"/>
        <source>&amp;Mute</source>
        <translation>&amp;Stummschalten</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Muted: the selected student&apos;s messages and whispers are refused (error muted); joining and reading still work (Ctrl+M).</source>
        <translation>Stummgeschaltet: Nachrichten und Flüstern des ausgewählten Schülers werden abgelehnt (Fehler muted); Beitreten und Lesen gehen weiterhin (Strg+M).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+127"/>
        <source>Pop out</source>
        <translation>Abkoppeln</translation>
    </message>
    <message>
        <location line="-126"/>
        <location line="+127"/>
        <source>Show the handshake in a window of its own; closing that window puts it back here.</source>
        <translation>Zeigt den Handshake in einem eigenen Fenster; wird es geschlossen, kehrt er hierher zurück.</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>(%1 connected)</source>
        <translation>(%1 verbunden)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>(%1 connected, %n on other servers)</source>
        <translation>
            <numerusform>(%1 verbunden, %n auf einem anderen Server)</numerusform>
            <numerusform>(%1 verbunden, %n auf anderen Servern)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>
(This client has disconnected.)</source>
        <translation>
(Dieser Client hat die Verbindung getrennt.)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Push a notice to %1…</source>
        <translation>Mitteilung an %1 pushen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kick %1…</source>
        <translation>%1 hinauswerfen…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Put back</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the handshake back under the clients table.</source>
        <translation>Holt den Handshake zurück unter die Client-Tabelle.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Un&amp;mute</source>
        <translation>Stummschaltung &amp;aufheben</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 from %2 is connected to the server %3 of the cluster, not to this one. Its opening handshake is in that server&apos;s window. Kick, ban, mute and a private notice from here reach it through Redis.</source>
        <translation>%1 von %2 ist mit dem Server %3 des Verbunds verbunden, nicht mit diesem. Den Eröffnungs-Handshake zeigt das Fenster jenes Servers. Hinauswerfen, Sperren, Stummschalten und eine private Mitteilung von hier aus erreichen ihn über Redis.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no hello yet)</source>
        <translation>(noch kein hello)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, agent: %1</source>
        <translation>, Agent: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Private notice to %1 (nobody else sees it):</source>
        <translation>Private Mitteilung an %1 (niemand sonst sieht sie):</translation>
    </message>
    <message>
        <source>Kick %1</source>
        <translation type="vanished">%1 hinauswerfen</translation>
    </message>
    <message>
        <source>Reason (the client sees it in the close frame, code 4001):</source>
        <translation type="vanished">Begründung (der Client sieht sie im Close-Frame, Code 4001):</translation>
    </message>
    <message>
        <source>Kicked by the teacher</source>
        <translation type="vanished">Von der Lehrkraft hinausgeworfen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Notice to %1</source>
        <translation>Mitteilung an %1</translation>
    </message>
    <message>
        <source>Text pushed to this client only:</source>
        <translation type="vanished">Text, der nur an diesen Client gepusht wird:</translation>
    </message>
</context>
<context>
    <name>duplex::server::ConnectionTimeline</name>
    <message>
        <location filename="../../app-server/ui/connectiontimeline.cpp" line="+84"/>
        <location line="+129"/>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <location line="-129"/>
        <location line="+131"/>
        <source>HTTP polls</source>
        <translation>HTTP-Polls</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Frame server → client: %1 at %2</source>
        <translation>Frame Server → Client: %1 um %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame client → server: %1 at %2</source>
        <translation>Frame Client → Server: %1 um %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>open since %1</source>
        <translation>offen seit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 frame</source>
        <translation>1 Frame</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n frames</source>
        <translation>
            <numerusform>%n Frame</numerusform>
            <numerusform>%n Frames</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One WebSocket connection, %1: %2, %3 in, %4 out. No request per message: the server writes whenever it has something.</source>
        <translation>Eine WebSocket-Verbindung, %1: %2, %3 herein, %4 hinaus. Keine Anfrage pro Nachricht: Der Server schreibt, sobald er etwas hat.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>still held by the server</source>
        <translation>vom Server noch gehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>answered after %1 ms</source>
        <translation>nach %1 ms beantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>brought 1 message</source>
        <translation>brachte 1 Nachricht</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>brought %n messages</source>
        <translation>
            <numerusform>brachte %n Nachricht</numerusform>
            <numerusform>brachte %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>came back empty</source>
        <translation>kam leer zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP poll at %1, %2: %3 request, %4 response (heads included); %5.</source>
        <translation>HTTP-Poll um %1, %2: %3 Anfrage, %4 Antwort (mit Köpfen); %5.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>-%1 s</source>
        <translation>-%1 s</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No connection activity in the last %1 s.</source>
        <translation>Keine Verbindungsaktivität in den letzten %1 s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a client in the clients table to see its connections.</source>
        <translation>Wählen Sie einen Client in der Client-Tabelle, um seine Verbindungen zu sehen.</translation>
    </message>
</context>
<context>
    <name>duplex::server::Headless</name>
    <message>
        <location filename="../../app-server/core/serveroptions.cpp" line="+63"/>
        <source>open files: unknown limit</source>
        <translation>offene Dateien: Grenze unbekannt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>open files: at most %1 (was %2).</source>
        <translation>offene Dateien: höchstens %1 (vorher %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location filename="../../app-server/core/transcript.cpp" line="+186"/>
        <source>duplex-server: there is no database at %1.</source>
        <translation>duplex-server: Unter %1 gibt es keine Datenbank.</translation>
    </message>
</context>
<context>
    <name>duplex::server::HistoryStore</name>
    <message>
        <location filename="../../app-server/core/historystore.cpp" line="+105"/>
        <source>Cannot open the history database &quot;%1&quot;: %2</source>
        <translation>Die Verlaufsdatenbank „%1“ lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no path was given.</source>
        <translation>es wurde kein Pfad angegeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the Qt SQLite driver (QSQLITE) is not installed.</source>
        <translation>der SQLite-Treiber von Qt (QSQLITE) ist nicht installiert.</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>The history database is not open.</source>
        <translation>Die Verlaufsdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the database file &quot;%1&quot; was removed or replaced while the server was running; nothing more can be stored until the server is restarted.</source>
        <translation>die Datenbankdatei „%1“ wurde während des Betriebs gelöscht oder ersetzt; bis zum Neustart des Servers kann nichts mehr gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>duplex::server::JoinCard</name>
    <message>
        <location filename="../../app-server/ui/joincard.cpp" line="+234"/>
        <source>How students join</source>
        <translation>Wie die Klasse beitritt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Students join in any browser: scan the code or type the address</source>
        <translation>Die Klasse tritt in jedem Browser bei: Code scannen oder Adresse eintippen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show &amp;join card full screen</source>
        <translation>Beitritts&amp;karte im Vollbild zeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The browser address and its QR code on the whole screen, for the projector (F11 or Ctrl+J; Esc closes it).</source>
        <translation>Die Browser-Adresse und ihr QR-Code auf dem ganzen Bildschirm, für den Beamer (F11 oder Strg+J; Esc schließt sie).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the address and the QR code on the whole screen, for the projector (F11 or Ctrl+J). Esc closes it.</source>
        <translation>Adresse und QR-Code auf dem ganzen Bildschirm zeigen, für den Beamer (F11 oder Strg+J). Esc schließt sie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the join card full screen</source>
        <translation>Beitrittskarte im Vollbild zeigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;QR code for:</source>
        <translation>&amp;QR-Code für:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address on the QR code</source>
        <translation>Adresse im QR-Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer has several network addresses: pick the one the students&apos; devices can reach (the classroom network). The QR code and the full-screen card show it.</source>
        <translation>Dieser Computer hat mehrere Netzwerkadressen: Wählen Sie die, die die Geräte der Klasse erreichen (das Netz des Klassenraums). QR-Code und Vollbildkarte zeigen sie.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Students type this code when they join (the QR code carries it). Change it in Server &gt; Settings.</source>
        <translation>Diesen Code geben die Schülerinnen und Schüler beim Beitreten ein (der QR-Code enthält ihn). Ändern unter Server &gt; Einstellungen.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Join code: %1</source>
        <translation>Beitrittscode: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy %1 to the clipboard</source>
        <translation>%1 in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(not listening)</source>
        <translation>(nimmt keine Verbindungen an)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Students type this address in any browser: a phone, a Chromebook, a lab PC. Nothing to install.</source>
        <translation>Diese Adresse tippt die Klasse in jeden Browser ein: Handy, Chromebook, Laborrechner. Nichts zu installieren.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>◀ on the QR code</source>
        <translation>◀ im QR-Code</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Qt client:</source>
        <translation>Qt-Client:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type this address in the Qt client&apos;s Server field.</source>
        <translation>Diese Adresse in das Feld Server des Qt-Clients eingeben.</translation>
    </message>
</context>
<context>
    <name>duplex::server::JoinCardScreen</name>
    <message>
        <location line="-390"/>
        <source>Join the chat</source>
        <translation>Dem Chat beitreten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join card</source>
        <translation>Beitrittskarte</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Close the join card (Esc)</source>
        <translation>Beitrittskarte schließen (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the join card</source>
        <translation>Beitrittskarte schließen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The server is not listening.</source>
        <translation>Der Server nimmt keine Verbindungen an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start it in the server window</source>
        <translation>Im Serverfenster starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Esc closes this card</source>
        <translation>Esc schließt diese Karte</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Open this address in a browser, or scan the code with a phone camera:</source>
        <translation>Öffne diese Adresse im Browser oder scanne den Code mit der Handykamera:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Qt client: %1    ·    Esc closes this card</source>
        <translation>Qt-Client: %1    ·    Esc schließt diese Karte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Join code: %1</source>
        <translation>Beitrittscode: %1</translation>
    </message>
</context>
<context>
    <name>duplex::server::KickDialog</name>
    <message>
        <location filename="../../app-server/ui/classcontrolui.cpp" line="-304"/>
        <source>Kick %1</source>
        <translation>%1 hinauswerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (the client sees it in the close frame, code 4001):</source>
        <translation>Grund (der Client sieht ihn im Close-Frame, Code 4001):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kicked by the teacher</source>
        <translation>Von der Lehrkraft hinausgeworfen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ban</source>
        <translation>keine Sperre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For this long the nickname and the address may not come back (0: no ban). Lift it early in Class &gt; Bans and held nicknames.</source>
        <translation>So lange dürfen Spitzname und Adresse nicht zurückkommen (0: keine Sperre). Vorzeitig aufheben unter Klasse &gt; Sperren und gehaltene Spitznamen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ban for:</source>
        <translation>&amp;Sperren für:</translation>
    </message>
</context>
<context>
    <name>duplex::server::LessonChart</name>
    <message>
        <location filename="../../app-server/ui/lessonchart.cpp" line="+24"/>
        <source>Push (WebSocket)</source>
        <translation>Push (WebSocket)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polling</source>
        <translation>Polling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long polling</source>
        <translation>Long Polling</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Polling every %1 ms</source>
        <translation>Polling alle %1 ms</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>-%1 min</source>
        <translation>-%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>-%1 s</source>
        <translation>-%1 s</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Waiting for figures…</source>
        <translation>Warte auf Messwerte …</translation>
    </message>
</context>
<context>
    <name>duplex::server::LessonPanel</name>
    <message>
        <location filename="../../app-server/ui/lessonpanel.cpp" line="+49"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 / %2 ms</source>
        <translation>%1 / %2 ms</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Push (WebSocket)</source>
        <translation>Push (WebSocket)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every client keeps one WebSocket open; the server writes to it the moment there is something new. No requests.</source>
        <translation>Jeder Client hält einen WebSocket offen; der Server schreibt hinein, sobald es etwas Neues gibt. Keine Anfragen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Long polling</source>
        <translation>Long Polling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every client sends an HTTP request that the server holds until there is something new (or 30 s pass), then asks again at once.</source>
        <translation>Jeder Client schickt eine HTTP-Anfrage, die der Server hält, bis es etwas Neues gibt (oder 30 s vergehen), und fragt dann sofort wieder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Polling every</source>
        <translation>Polling alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every client asks the server &quot;anything new?&quot; with an HTTP request every N ms, whether there is something or not.</source>
        <translation>Jeder Client fragt den Server alle N ms mit einer HTTP-Anfrage „Gibt es etwas Neues?“, ob es etwas gibt oder nicht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How often each client polls when the class is on polling (the tutorials&apos; example: 500 ms).</source>
        <translation>Wie oft jeder Client fragt, wenn die Klasse auf Polling steht (das Beispiel der Tutorials: 500 ms).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the whole class uses now. Clients that cannot switch keep what they have; the Clients row shows where everyone really is.</source>
        <translation>Was die ganze Klasse jetzt benutzt. Clients, die nicht wechseln können, behalten, was sie haben; die Zeile „Clients“ zeigt, wo alle wirklich sind.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Switch the class to:</source>
        <translation>Klasse umschalten auf:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clients on this transport now.</source>
        <translation>Clients, die jetzt diesen Transport benutzen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>HTTP requests per second, over the last second. Push makes none: the connection stays open and the server writes when it has something.</source>
        <translation>HTTP-Anfragen pro Sekunde, über die letzte Sekunde. Push stellt keine: Die Verbindung bleibt offen und der Server schreibt, wenn er etwas hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty responses</source>
        <translation>Leere Antworten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of poll responses that brought nothing: the cost of asking when there is nothing new.</source>
        <translation>Anteil der Poll-Antworten, die nichts brachten: der Preis dafür, zu fragen, wenn es nichts Neues gibt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes/s in</source>
        <translation>Bytes/s herein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes per second from the clients to the server on the wire: HTTP heads and WebSocket framing counted.</source>
        <translation>Bytes pro Sekunde von den Clients zum Server auf der Leitung: HTTP-Köpfe und WebSocket-Framing mitgezählt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes/s out</source>
        <translation>Bytes/s hinaus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes per second from the server to the clients on the wire: HTTP heads and WebSocket framing counted.</source>
        <translation>Bytes pro Sekunde vom Server zu den Clients auf der Leitung: HTTP-Köpfe und WebSocket-Framing mitgezählt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes per message</source>
        <translation>Bytes pro Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wire bytes (both directions, over the last second) per message delivered to a client. Empty polls and pings make it grow.</source>
        <translation>Bytes auf der Leitung (beide Richtungen, über die letzte Sekunde) pro Nachricht, die bei einem Client ankam. Leere Polls und Pings treiben den Wert hoch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency p50 / p99</source>
        <translation>Latenz p50 / p99</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery latency over the last 5 seconds: from the moment a message is stored to the moment its bytes are written to the client. Half of the deliveries took at most p50, 99 in 100 at most p99.</source>
        <translation>Zustelllatenz über die letzten 5 Sekunden: vom Speichern einer Nachricht bis zu dem Moment, in dem ihre Bytes an den Client geschrieben werden. Die Hälfte der Zustellungen dauerte höchstens p50, 99 von 100 höchstens p99.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The server process&apos;s CPU time per second of wall time, over the last second, in % of one core (100 % = one core fully busy). It covers the whole server: every transport and this window.</source>
        <translation>Die CPU-Zeit des Serverprozesses pro Sekunde echter Zeit, über die letzte Sekunde, in % eines Kerns (100 % = ein Kern voll ausgelastet). Sie umfasst den ganzen Server: jeden Transport und dieses Fenster.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bytes/s on the wire (both directions)</source>
        <translation>Bytes/s auf der Leitung (beide Richtungen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the chart shows per transport over the last five minutes. Dashed lines: the moments the class was switched.</source>
        <translation>Was das Diagramm pro Transport über die letzten fünf Minuten zeigt. Gestrichelte Linien: die Momente, in denen die Klasse umgeschaltet wurde.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last 5 minutes:</source>
        <translation>Letzte 5 Minuten:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A WebSocket is one long bar: one connection, opened once; its ticks are frames (above: to the client, below: from it). Polling is a row of short bars, one HTTP request each: filled when the response brought messages, hollow when it came back empty, dashed while the server holds it. Point at a bar for its size.</source>
        <translation>Ein WebSocket ist ein langer Balken: eine Verbindung, einmal geöffnet; seine Striche sind Frames (oben: zum Client, unten: vom Client). Polling ist eine Reihe kurzer Balken, jeder eine HTTP-Anfrage: gefüllt, wenn die Antwort Nachrichten brachte, hohl, wenn sie leer zurückkam, gestrichelt, solange der Server sie hält. Zeigen Sie auf einen Balken, um seine Größe zu sehen.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The class is on: %1</source>
        <translation>Die Klasse ist auf: %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Server CPU: –</source>
        <translation>Server-CPU: –</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server CPU: %1 % of one core</source>
        <translation>Server-CPU: %1 % eines Kerns</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>300 students polling every 500 ms: %1 requests/s (switch the class to polling for a few seconds to measure what a request costs)</source>
        <translation>300 Schüler, die alle 500 ms fragen: %1 Anfragen/s (schalten Sie die Klasse ein paar Sekunden auf Polling, um zu messen, was eine Anfrage kostet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>300 students polling every 500 ms: %1 requests/s, %2, %3 of them empty</source>
        <translation>300 Schüler, die alle 500 ms fragen: %1 Anfragen/s, %2, %3 davon leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The same class on push: 0 requests/s (measured once a client is on push)</source>
        <translation>Dieselbe Klasse mit Push: 0 Anfragen/s (gemessen, sobald ein Client auf Push ist)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same class on push: 0 requests/s, %1</source>
        <translation>Dieselbe Klasse mit Push: 0 Anfragen/s, %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>: polling costs %1× the bytes</source>
        <translation>: Polling kostet %1× so viele Bytes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How this line is worked out from what the panel measures now:
• Polling: 300 students × (1000 ms ÷ 500 ms) = %1 requests per second.
  One poll request cost %2 on the wire (request and response, HTTP heads included, what the responses carried included), averaged over the Polling column&apos;s last 5 s: %1 × %2 = %3.
• Push: one push client cost %4 on the wire over the last 5 s (messages, pings, WebSocket framing): 300 × %4 = %5. Push sends no requests.
Both sides assume each student receives what the measured students received. A column without clients keeps its last measurement; – means not measured yet.</source>
        <translation>So wird diese Zeile aus dem berechnet, was das Panel gerade misst:
• Polling: 300 Schüler × (1000 ms ÷ 500 ms) = %1 Anfragen pro Sekunde.
  Eine Poll-Anfrage kostete %2 auf der Leitung (Anfrage und Antwort, mit HTTP-Köpfen und mit dem, was die Antworten trugen), gemittelt über die letzten 5 s der Spalte Polling: %1 × %2 = %3.
• Push: Ein Push-Client kostete über die letzten 5 s %4 auf der Leitung (Nachrichten, Pings, WebSocket-Framing): 300 × %4 = %5. Push stellt keine Anfragen.
Beide Seiten nehmen an, dass jeder Schüler so viel empfängt wie die gemessenen Schüler. Eine Spalte ohne Clients behält ihre letzte Messung; – heißt: noch nicht gemessen.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>What persistent means: select a client</source>
        <translation>Was „persistent“ heißt: Wählen Sie einen Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What persistent means: %1, the last %2 s</source>
        <translation>Was „persistent“ heißt: %1, die letzten %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no nick yet)</source>
        <translation>(noch kein Nick)</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Push vs polling</source>
        <translation>Push oder Polling</translation>
    </message>
</context>
<context>
    <name>duplex::server::MainWindow</name>
    <message>
        <location filename="../../app-server/ui/mainwindow.cpp" line="+61"/>
        <source>closed the connection cleanly with %1 (%2)</source>
        <translation>hat die Verbindung sauber mit %1 geschlossen (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>was disconnected by the server with %1 (%2)</source>
        <translation>wurde vom Server mit %1 getrennt (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dropped without a close frame (network cut, crash or timeout)</source>
        <translation>ohne Close-Frame abgebrochen (Netzausfall, Absturz oder Zeitüberschreitung)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Duplex Server</source>
        <translation>Duplex Server</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Rooms and who is in them. A message said in a room is pushed to every member.</source>
        <translation>Die Räume und wer darin ist. Eine Nachricht in einem Raum wird an jedes Mitglied gepusht.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Live statistics (last 5 minutes)</source>
        <translation>Live-Statistik (letzte 5 Minuten)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connections, disconnections (with the close code in words), kicks, rate limits and errors.</source>
        <translation>Verbindungen, Trennungen (mit dem Close-Code in Worten), Rauswürfe, Ratenbegrenzungen und Fehler.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>How long the server has been listening.</source>
        <translation>Wie lange der Server schon Verbindungen annimmt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(in memory)</source>
        <translation>(im Arbeitsspeicher)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where messages are stored (SQLite). History survives restarts.</source>
        <translation>Wo die Nachrichten gespeichert werden (SQLite). Der Verlauf übersteht Neustarts.</translation>
    </message>
    <message>
        <source>pushed to %1 (%2 clients): %3</source>
        <translation type="vanished">an %1 gepusht (%2 Clients): %3</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>The server name clients see when they connect.</source>
        <translation>Der Servername, den Clients beim Verbinden sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start or stop accepting WebSocket connections. Stopping closes every client with 1001 (going away).</source>
        <translation>WebSocket-Verbindungen annehmen oder damit aufhören. Beim Stoppen wird jeder Client mit 1001 (geht weg) geschlossen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listen on the next port instead.</source>
        <translation>Stattdessen auf dem nächsten Port Verbindungen annehmen.</translation>
    </message>
    <message>
        <source>Students connect to:</source>
        <translation type="vanished">Die Klasse verbindet sich mit:</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>pushed to %1 (1 client): %2</source>
        <translation>an %1 gepusht (1 Client): %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>pushed to %1 (%n clients): %2</source>
        <translation>
            <numerusform>an %1 gepusht (%n Client): %2</numerusform>
            <numerusform>an %1 gepusht (%n Clients): %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+184"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export traffic…</source>
        <translation>Datenverkehr &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>&amp;Stop listening</source>
        <translation>Server &amp;stoppen</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Projector mode</source>
        <translation>&amp;Beamermodus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Larger fonts everywhere, for the back row.</source>
        <translation>Überall größere Schrift, für die letzte Reihe.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Duplex Server</source>
        <translation>Über Duplex &amp;Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>listening on %1 port %2</source>
        <translation>nimmt Verbindungen an auf %1 Port %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not listen on port %1: %2</source>
        <translation>konnte auf Port %1 keine Verbindungen annehmen: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stopped listening; every client was closed with 1001</source>
        <translation>nimmt keine Verbindungen mehr an; jeder Client wurde mit 1001 geschlossen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>● Listening on port %1</source>
        <translation>● Empfangsbereit auf Port %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>▲ Error: %1</source>
        <translation>▲ Fehler: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retry on port %1</source>
        <translation>Erneut auf Port %1 versuchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>■ Stopped</source>
        <translation>■ Gestoppt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server name: %1</source>
        <translation>Servername: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Start listening</source>
        <translation>Server &amp;starten</translation>
    </message>
    <message numerus="yes">
        <location line="+196"/>
        <source>… %n event(s) not shown (too many at once)</source>
        <translation>
            <numerusform>… %n Ereignis nicht angezeigt (zu viele auf einmal)</numerusform>
            <numerusform>… %n Ereignisse nicht angezeigt (zu viele auf einmal)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <location line="+28"/>
        <source>%n clients</source>
        <translation>
            <numerusform>%n Client</numerusform>
            <numerusform>%n Clients</numerusform>
        </translation>
    </message>
    <message>
        <source>(not listening)</source>
        <translation type="vanished">(nimmt keine Verbindungen an)</translation>
    </message>
    <message>
        <source>Type this address in the client&apos;s Server field.</source>
        <translation type="vanished">Diese Adresse in das Feld Server des Clients eingeben.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="vanished">Kopieren</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation type="vanished">%1 in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>, reason: &quot;%1&quot;</source>
        <translation>, Begründung: „%1“</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+28"/>
        <source>1 client</source>
        <translation>1 Client</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation type="vanished">%1 Clients</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Up %1:%2:%3</source>
        <translation>Läuft seit %1:%2:%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not listening</source>
        <translation>Nimmt keine Verbindungen an</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Redis at %1 unreachable</source>
        <translation>Redis unter %1 nicht erreichbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients stay connected; their messages are refused until Redis is back.</source>
        <translation>Die Clients bleiben verbunden; ihre Nachrichten werden abgelehnt, bis Redis wieder da ist.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> (this one)</source>
        <translation> (dieser)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Redis %1: %2, %3 in all</source>
        <translation>Redis %1: %2, insgesamt %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 server</source>
        <translation>1 Server</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n servers</source>
        <translation>
            <numerusform>%n Server</numerusform>
            <numerusform>%n Server</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 message came through Redis here.</source>
        <translation>1 Nachricht kam hier über Redis an.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n messages came through Redis here.</source>
        <translation>
            <numerusform>%n Nachricht kam hier über Redis an.</numerusform>
            <numerusform>%n Nachrichten kamen hier über Redis an.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>About Duplex Server</source>
        <translation>Über Duplex Server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplex Server %1</source>
        <translation>Duplex Server %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A WebSocket chat server for teaching full-duplex push: see every client, the HTTP 101 upgrade and every frame, and push to the room.

Released under the MIT license.
Copyright 2026 The Duplex authors.
Built with Qt %1.</source>
        <translation>Ein WebSocket-Chatserver für den Unterricht über Full-Duplex-Push: jeden Client, das HTTP-101-Upgrade und jeden Frame sehen, und in den Raum pushen.

Veröffentlicht unter der MIT-Lizenz.
Copyright 2026 The Duplex authors.
Erstellt mit Qt %1.</translation>
    </message>
</context>
<context>
    <name>duplex::server::ModerationDialog</name>
    <message>
        <location filename="../../app-server/ui/classcontrolui.cpp" line="+41"/>
        <source>&amp;Lift ban</source>
        <translation>Sperre &amp;aufheben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Free nickname</source>
        <translation>Spitznamen &amp;freigeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bans and held nicknames</source>
        <translation>Sperren und gehaltene Spitznamen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Nickname</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who was kicked and may not come back yet.</source>
        <translation>Wer hinausgeworfen wurde und noch nicht zurückkommen darf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Free at</source>
        <translation>Frei um</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connections that dropped: the server keeps their nickname and rooms so that they can resume. Free a nickname when the student comes back without the old session (a new device, a crashed program).</source>
        <translation>Abgebrochene Verbindungen: Der Server hält Spitzname und Räume, damit sie fortsetzen können. Gib einen Spitznamen frei, wenn jemand ohne die alte Sitzung zurückkommt (ein anderes Gerät, ein abgestürztes Programm).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Let the selected nickname and address join again now.</source>
        <translation>Ausgewählten Spitznamen und Adresse sofort wieder beitreten lassen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End the selected dropped session: its nickname is free at once (that session cannot be resumed any more).</source>
        <translation>Die ausgewählte abgebrochene Sitzung beenden: Ihr Spitzname ist sofort frei (diese Sitzung kann nicht mehr fortgesetzt werden).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bans (after a kick):</source>
        <translation>Sperren (nach einem Hinauswurf):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nicknames held for a dropped connection:</source>
        <translation>Für abgebrochene Verbindungen gehaltene Spitznamen:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(any)</source>
        <translation>(jeder)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(this computer)</source>
        <translation>(dieser Rechner)</translation>
    </message>
</context>
<context>
    <name>duplex::server::PollPeer</name>
    <message>
        <location filename="../../app-server/core/pollpeer.cpp" line="+29"/>
        <source>This session is gone (unknown, expired or taken over). Start again with hello.</source>
        <translation>Diese Sitzung gibt es nicht mehr (unbekannt, abgelaufen oder übernommen). Beginne neu mit hello.</translation>
    </message>
</context>
<context>
    <name>duplex::server::PushBar</name>
    <message>
        <location filename="../../app-server/ui/pushbar.cpp" line="+34"/>
        <source>Push a notice:</source>
        <translation>Mitteilung pushen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type an announcement and press Enter: the server speaks first</source>
        <translation>Ankündigung eingeben und Eingabe drücken: der Server spricht zuerst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A notice is pushed by the server without any client asking: that is what a WebSocket makes possible.</source>
        <translation>Der Server pusht eine Mitteilung, ohne dass ein Client danach gefragt hat: genau das macht ein WebSocket möglich.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who receives the notice.</source>
        <translation>Wer die Mitteilung erhält.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Push the notice now (Enter).</source>
        <translation>Die Mitteilung jetzt pushen (Eingabe).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room #%1</source>
        <translation>Raum #%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Selected client: %1</source>
        <translation>Gewählter Client: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pushed to %1 only</source>
        <translation>nur an %1 gepusht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pushed to 1 client</source>
        <translation>an 1 Client gepusht</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>pushed to %n clients</source>
        <translation>
            <numerusform>an %n Client gepusht</numerusform>
            <numerusform>an %n Clients gepusht</numerusform>
        </translation>
    </message>
    <message>
        <source>pushed to %1 clients</source>
        <translation type="vanished">an %1 Clients gepusht</translation>
    </message>
</context>
<context>
    <name>duplex::server::QrCodeView</name>
    <message>
        <location filename="../../app-server/ui/qrcodeview.cpp" line="+19"/>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A phone camera that scans it opens %1</source>
        <translation>Eine Handykamera, die ihn scannt, öffnet %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Students point a phone camera at this code to open %1</source>
        <translation>Die Klasse richtet eine Handykamera auf diesen Code und öffnet so %1</translation>
    </message>
</context>
<context>
    <name>duplex::server::RedisRoomBroker</name>
    <message>
        <location filename="../../app-server/core/redisroombroker.cpp" line="+98"/>
        <source>Redis at %1 is unreachable (%2): messages are refused until it is back.</source>
        <translation>Redis unter %1 ist nicht erreichbar (%2): Nachrichten werden abgelehnt, bis Redis wieder da ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connected to Redis at %1.</source>
        <translation>Mit Redis unter %1 verbunden.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Room &quot;%1&quot; starts epoch %2 in Redis after seq %3.</source>
        <translation>Raum „%1“ beginnt in Redis die Epoche %2 nach seq %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redis did not take a message for &quot;%1&quot;: %2</source>
        <translation>Redis hat eine Nachricht für „%1“ nicht angenommen: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Room &quot;%1&quot; continues at seq %2 in a new epoch (Redis lost its data).</source>
        <translation>Raum „%1“ geht in einer neuen Epoche bei seq %2 weiter (Redis hat seine Daten verloren).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Room &quot;%1&quot;: messages %2 to %3 are not in Redis any more.</source>
        <translation>Raum „%1“: Die Nachrichten %2 bis %3 sind nicht mehr in Redis.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Could not store a message from %1: %2</source>
        <translation>Eine Nachricht von %1 ließ sich nicht speichern: %2</translation>
    </message>
    <message>
        <location filename="../../app-server/core/redisroombroker_control.cpp" line="+128"/>
        <source>Server %1 is asked to kick “%2”.</source>
        <translation>Server %1 wird gebeten, „%2“ hinauszuwerfen.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Server %1 banned %2 until %3: refused here too.</source>
        <translation>Server %1 hat %2 bis %3 gesperrt: auch hier abgewiesen.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Bans lifted on another server while this one could not reach Redis are lifted here too.</source>
        <translation>Sperren, die ein anderer Server aufgehoben hat, während dieser Redis nicht erreichen konnte, sind auch hier aufgehoben.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“%1” was unmuted on another server while this one could not reach Redis: unmuted here too.</source>
        <translation>„%1“ wurde auf einem anderen Server wieder freigegeben, während dieser Redis nicht erreichen konnte: auch hier wieder freigegeben.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The cluster needs no join code: neither does this server.</source>
        <translation>Der Verbund braucht keinen Beitrittscode, also auch dieser Server nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cluster&apos;s join code “%1” holds here too.</source>
        <translation>Der Beitrittscode des Verbunds „%1“ gilt auch hier.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/redisroombroker_relay.cpp" line="+260"/>
        <source>Server %1 lifted the ban of %2.</source>
        <translation>Server %1 hat die Sperre von %2 aufgehoben.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Server %1: the muted “%2” is now “%3” and stays muted.</source>
        <translation>Server %1: Die stummgeschaltete Person „%2“ heißt jetzt „%3“ und bleibt stumm.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Server %1 muted “%2”: muted here too.</source>
        <translation>Server %1 hat „%2“ stummgeschaltet: auch hier stumm.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server %1 lifted the mute of “%2”.</source>
        <translation>Server %1 hat die Stummschaltung von „%2“ aufgehoben.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Server %1 removed the join code: no code needed here either.</source>
        <translation>Server %1 hat den Beitrittscode entfernt: Auch hier ist keiner mehr nötig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server %1 set the join code “%2”: it holds here too.</source>
        <translation>Server %1 hat den Beitrittscode „%2“ gesetzt: Er gilt auch hier.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/redisroombroker_history.cpp" line="+185"/>
        <source>Redis did not answer a history read of &quot;%1&quot;: %2</source>
        <translation>Redis hat das Lesen des Verlaufs von „%1“ nicht beantwortet: %2</translation>
    </message>
    <message>
        <location filename="../../app-server/core/redisroombroker_sessions.cpp" line="+225"/>
        <source>%1: the session was resumed on another server; this connection is closed with 4000.</source>
        <translation>%1: die Sitzung wurde auf einem anderen Server fortgesetzt; diese Verbindung wird mit 4000 geschlossen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The session of &quot;%1&quot; was resumed on another server.</source>
        <translation>Die Sitzung von „%1“ wurde auf einem anderen Server fortgesetzt.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>The nickname &quot;%1&quot; was taken on another server while Redis was unreachable: two clients use it now.</source>
        <translation>Der Spitzname „%1“ wurde auf einem anderen Server vergeben, während Redis nicht erreichbar war: jetzt nutzen ihn zwei Clients.</translation>
    </message>
</context>
<context>
    <name>duplex::server::RoomModel</name>
    <message>
        <location filename="../../app-server/core/roommodel.cpp" line="+185"/>
        <source>Members in this room. Every message said here is pushed to all of them.</source>
        <translation>Mitglieder dieses Raums. Jede Nachricht hier wird an alle gepusht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A room: expand it to see who is in it.</source>
        <translation>Ein Raum: aufklappen, um zu sehen, wer darin ist.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Room / member</source>
        <translation>Raum / Mitglied</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
</context>
<context>
    <name>duplex::server::SettingsDialog</name>
    <message>
        <location filename="../../app-server/ui/settingsdialog.cpp" line="+24"/>
        <source>Server settings</source>
        <translation>Servereinstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The TCP port students put after the colon in ws://address:port. Ports below 1024 need administrator rights.</source>
        <translation>Der TCP-Port, den die Klasse nach dem Doppelpunkt in ws://adresse:port eingibt. Ports unter 1024 erfordern Administratorrechte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The name clients see when they connect (sent in welcome).</source>
        <translation>Der Name, den Clients beim Verbinden sehen (wird in welcome gesendet).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new port takes effect at once: connected clients are disconnected and reconnect to the new address.</source>
        <translation>Ein neuer Port gilt sofort: verbundene Clients werden getrennt und verbinden sich neu mit der neuen Adresse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server &amp;name:</source>
        <translation>Server&amp;name:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none: anyone on the network can join</source>
        <translation>keiner: Jeder im Netz kann beitreten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New students need this code to join (letter case and spaces do not matter). The join card shows it large. Students already in stay.</source>
        <translation>Neue Schülerinnen und Schüler brauchen diesen Code zum Beitreten (Groß-/Kleinschreibung und Leerzeichen sind egal). Die Beitrittskarte zeigt ihn groß. Wer schon drin ist, bleibt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ban</source>
        <translation>keine Sperre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After a kick, the nickname and the address may not come back for this long (0: no ban). The Kick dialog can change it for one kick.</source>
        <translation>Nach einem Hinauswurf dürfen Spitzname und Adresse so lange nicht zurückkommen (0: keine Sperre). Der Hinauswerfen-Dialog kann das für einen Hinauswurf ändern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. teacher, admin</source>
        <translation>z. B. teacher, admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nicknames no student can take, in any letter case, separated by commas. This computer may still use them.</source>
        <translation>Spitznamen, die kein Schüler nehmen kann, in jeder Schreibweise, durch Kommas getrennt. Dieser Rechner darf sie weiterhin benutzen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Join code:</source>
        <translation>&amp;Beitrittscode:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ban after a kick:</source>
        <translation>Sperre nach &amp;Hinauswurf:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reserved nicknames:</source>
        <translation>&amp;Reservierte Spitznamen:</translation>
    </message>
</context>
<context>
    <name>duplex::server::Sparkline</name>
    <message>
        <location filename="../../app-server/ui/sparkline.cpp" line="+116"/>
        <source>peak %1</source>
        <translation>Spitze %1</translation>
    </message>
</context>
<context>
    <name>duplex::server::StatsPanel</name>
    <message>
        <location filename="../../app-server/ui/statspanel.cpp" line="+19"/>
        <source>%1k/s</source>
        <translation>%1k/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clients connected</source>
        <translation>Verbundene Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages in</source>
        <translation>Nachrichten ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages out</source>
        <translation>Nachrichten aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open WebSocket connections, over the last five minutes.</source>
        <translation>Offene WebSocket-Verbindungen in den letzten fünf Minuten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames received from clients per second.</source>
        <translation>Von Clients empfangene Frames pro Sekunde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames pushed to clients per second. One message said in a room of 30 is 1 in and 30 out: that is fan-out.</source>
        <translation>An Clients gepushte Frames pro Sekunde. Eine Nachricht in einem Raum mit 30 Mitgliedern ist 1 ein und 30 aus: das ist Fan-out.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes received per second.</source>
        <translation>Empfangene Bytes pro Sekunde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes sent per second.</source>
        <translation>Gesendete Bytes pro Sekunde.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Totals since the server started.</source>
        <translation>Summen seit dem Start des Servers.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Totals: %1 connections, %2 messages in, %3 out, %4 stored
%5 in, %6 out; %7 rate-limited, %8 closed for abuse</source>
        <translation>Summen: %1 Verbindungen, %2 Nachrichten ein, %3 aus, %4 gespeichert
%5 ein, %6 aus; %7 gedrosselt, %8 wegen Missbrauchs geschlossen</translation>
    </message>
</context>
<context>
    <name>duplex::server::TrafficModel</name>
    <message>
        <location filename="../../app-server/core/trafficmodel.cpp" line="+46"/>
        <source>as %1</source>
        <translation>als %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, resuming a session</source>
        <translation>, setzt eine Sitzung fort</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to %1: %2</source>
        <translation>an %1: %2</translation>
    </message>
    <message>
        <source> started typing</source>
        <translation type="vanished"> schreibt</translation>
    </message>
    <message>
        <source> stopped typing</source>
        <translation type="vanished"> schreibt nicht mehr</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>, before seq %1</source>
        <translation>, vor seq %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, after seq %1</source>
        <translation>, nach seq %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, up to %1</source>
        <translation>, höchstens %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rename to %1</source>
        <translation>umbenennen in %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list the rooms</source>
        <translation>Räume auflisten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>application ping</source>
        <translation>Anwendungs-Ping</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>joined</source>
        <translation>betreten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left</source>
        <translation>verlassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renamed</source>
        <translation>umbenannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>you are %1 on %2</source>
        <translation type="vanished">Sie sind %1 auf %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1, 1 member</source>
        <translation>%1, 1 Mitglied</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %n members</source>
        <translation>
            <numerusform>%1, %n Mitglied</numerusform>
            <numerusform>%1, %n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 seq %2 %3: %4</source>
        <translation>%1 seq %2 %3: %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, 1 message</source>
        <translation>%1, 1 Nachricht</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %n messages</source>
        <translation>
            <numerusform>%1, %n Nachricht</numerusform>
            <numerusform>%1, %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to %2: %3</source>
        <translation>%1 an %2: %3</translation>
    </message>
    <message>
        <source>%1 now has %2 members</source>
        <translation type="vanished">%1 hat jetzt %2 Mitglieder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2 is now %3</source>
        <translation>%1 %2 heißt jetzt %3</translation>
    </message>
    <message>
        <source>is typing</source>
        <translation type="vanished">schreibt</translation>
    </message>
    <message>
        <source>stopped typing</source>
        <translation type="vanished">schreibt nicht mehr</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>1 room</source>
        <translation>1 Raum</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n rooms</source>
        <translation>
            <numerusform>%n Raum</numerusform>
            <numerusform>%n Räume</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answer to ping</source>
        <translation>Antwort auf Ping</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>notice: %1</source>
        <translation>Mitteilung: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>switch to %1 (%2 ms)</source>
        <translation>wechseln zu %1 (%2 ms)</translation>
    </message>
    <message>
        <location line="+276"/>
        <source>rejected: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>→ 1 client</source>
        <translation>→ 1 Client</translation>
    </message>
    <message>
        <location line="-352"/>
        <source>starts typing in %1</source>
        <translation>beginnt in %1 zu tippen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stops typing in %1</source>
        <translation>tippt in %1 nicht mehr</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>welcome: nick %1 on server “%2”</source>
        <translation>Willkommen: Spitzname %1 auf dem Server „%2“</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 now has 1 member</source>
        <translation>%1 hat jetzt 1 Mitglied</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 now has %n members</source>
        <translation>
            <numerusform>%1 hat jetzt %n Mitglied</numerusform>
            <numerusform>%1 hat jetzt %n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 joined</source>
        <translation>%1: %2 ist hinzugekommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 left</source>
        <translation>%1: %2 ist gegangen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 is typing</source>
        <translation>%1: %2 tippt gerade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 stopped typing</source>
        <translation>%1: %2 tippt nicht mehr</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../../app-server/ui/trafficpanel.cpp" line="+154"/>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app-server/ui/trafficpanel.cpp" line="+0"/>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../app-server/ui/trafficpanel.cpp" line="+0"/>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message numerus="yes">
        <location line="+246"/>
        <location filename="../../app-server/ui/trafficpanel.cpp" line="+10"/>
        <source>→ %n clients</source>
        <translation>
            <numerusform>→ %n Client</numerusform>
            <numerusform>→ %n Clients</numerusform>
        </translation>
    </message>
    <message>
        <location line="+112"/>
        <source>(fan-out)</source>
        <translation>(Fan-out)</translation>
    </message>
    <message>
        <location line="+38"/>
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
        <source>Client</source>
        <translation>Client</translation>
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
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When the server received or sent the frame (milliseconds).</source>
        <translation>Wann der Server den Frame empfangen oder gesendet hat (Millisekunden).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in: a frame from a client to the server. out: a frame the server pushed. event: a connection event.</source>
        <translation>ein: ein Frame von einem Client an den Server. aus: ein Frame, den der Server gepusht hat. Ereignis: ein Verbindungsereignis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who sent or received it. A fan-out is one frame sent to many clients.</source>
        <translation>Wer ihn gesendet oder empfangen hat. Ein Fan-out ist ein Frame, der an viele Clients geht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message type (the &quot;type&quot; field of the JSON).</source>
        <translation>Der Nachrichtentyp (das Feld „type“ im JSON).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the frame&apos;s payload in bytes (UTF-8).</source>
        <translation>Größe der Nutzdaten des Frames in Bytes (UTF-8).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many clients a fan-out went to: ONE frame pushed to all of them.</source>
        <translation>Wie viele Clients ein Fan-out erreicht hat: EIN Frame, an alle gepusht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the frame says, in one line.</source>
        <translation>Was der Frame sagt, in einer Zeile.</translation>
    </message>
</context>
<context>
    <name>duplex::server::TrafficPanel</name>
    <message>
        <location filename="../../app-server/ui/trafficpanel.cpp" line="-46"/>
        <source>Hide keep-alive</source>
        <translation>Keep-alive ausblenden</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Every WebSocket frame the server received (in) or pushed (out). A fan-out row is ONE frame sent to many clients.</source>
        <translation>Jeder WebSocket-Frame, den der Server empfangen (ein) oder gepusht (aus) hat. Eine Fan-out-Zeile ist EIN Frame, der an viele Clients geht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show only the frames of one client.</source>
        <translation>Nur die Frames eines Clients zeigen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show only one message type.</source>
        <translation>Nur einen Nachrichtentyp zeigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter text…</source>
        <translation>Text filtern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only frames containing this text.</source>
        <translation>Nur Frames zeigen, die diesen Text enthalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide ping, pong and typing frames: the noise that keeps connections alive.</source>
        <translation>Ping-, Pong- und Tipp-Frames ausblenden: das Grundrauschen, das Verbindungen am Leben hält.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Freeze the view to read it; frames keep being recorded.</source>
        <translation>Die Ansicht zum Lesen anhalten; Frames werden weiter aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frames recorded while the view is paused.</source>
        <translation>Frames, die während der Pause aufgezeichnet wurden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty the traffic log.</source>
        <translation>Das Verkehrsprotokoll leeren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the rows shown as a JSON Lines file (one frame per line).</source>
        <translation>Die angezeigten Zeilen als JSON-Lines-Datei speichern (ein Frame pro Zeile).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a row to see the frame&apos;s JSON.</source>
        <translation>Wählen Sie eine Zeile, um das JSON des Frames zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected frame, exactly as JSON, pretty-printed.</source>
        <translation>Der gewählte Frame, genau als JSON, lesbar formatiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>All clients</source>
        <translation>Alle Clients</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(gone) #%1</source>
        <translation>(weg) #%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+22"/>
        <location line="+6"/>
        <source>Export traffic</source>
        <translation>Datenverkehr exportieren</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Include resume tokens (secrets: whoever has one can take over that student&apos;s session)</source>
        <translation>Fortsetzungs-Tokens einschließen (Geheimnisse: Wer eines hat, kann die Sitzung dieser Schülerin oder dieses Schülers übernehmen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Include the bytes on the wire (from the frame X-ray&apos;s tap)</source>
        <translation>Die Bytes auf der Leitung einschließen (aus dem Abgriff des Frame-Röntgenblicks)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write %1.</source>
        <translation>%1 ließ sich nicht schreiben.</translation>
    </message>
</context>
<context>
    <name>duplex::server::Transcript</name>
    <message>
        <location filename="../../app-server/core/transcript.cpp" line="-122"/>
        <source>…and 1 more join</source>
        <translation>…und 1 weiterer Beitritt</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>…and %n more joins</source>
        <translation>
            <numerusform>…und %n weiterer Beitritt</numerusform>
            <numerusform>…und %n weitere Beitritte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>…and 1 more leave</source>
        <translation>…und 1 weiterer Abgang</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>…and %n more leaves</source>
        <translation>
            <numerusform>…und %n weiterer Abgang</numerusform>
            <numerusform>…und %n weitere Abgänge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 joined</source>
        <translation>%1 ist beigetreten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 left</source>
        <translation>%1 ist gegangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is now known as %2</source>
        <translation>%1 heißt jetzt %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notice to everyone from the teacher: %1</source>
        <translation>Mitteilung der Lehrkraft an alle: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice from the teacher: %1</source>
        <translation>Mitteilung der Lehrkraft: %1</translation>
    </message>
</context>
<context>
    <name>duplex::server::XrayView</name>
    <message>
        <location filename="../../app-server/ui/xrayview.cpp" line="+48"/>
        <source>Tap every connection</source>
        <translation>Alle Verbindungen abgreifen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap this client</source>
        <translation>Diesen Client abgreifen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Record the exact bytes of every connection&apos;s frames (new connections from their handshake on). Off by default: it costs memory (at most 16 MiB) and a little time per frame.</source>
        <translation>Die genauen Bytes der Frames jeder Verbindung festhalten (neue Verbindungen ab ihrem Handshake). Standardmäßig aus: Es kostet Speicher (höchstens 16 MiB) und etwas Zeit pro Frame.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record the exact bytes of the selected client&apos;s frames from its next frame on.</source>
        <translation>Die genauen Bytes der Frames des gewählten Clients ab seinem nächsten Frame festhalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export .pcapng…</source>
        <translation>Als .pcapng exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every frame the tap kept (all clients) as a capture file that Wireshark opens and dissects as HTTP and WebSocket.</source>
        <translation>Jeden Frame, den der Abgriff behalten hat (alle Clients), als Mitschnittdatei speichern, die Wireshark öffnet und als HTTP und WebSocket zerlegt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Export .pcapng</source>
        <translation>Als .pcapng exportieren</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Wireshark capture (*.pcapng);;All files (*)</source>
        <translation>Wireshark-Mitschnitt (*.pcapng);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame</source>
        <translation>Frame</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payload length</source>
        <translation>Nutzdatenlänge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every frame of the client as it went over the wire: control frames (ping, pong, close) and continuation frames have rows of their own, and so do the HTTP heads of the handshake. Select one to see its bytes.</source>
        <translation>Jeder Frame des Clients so, wie er über die Leitung ging: Steuer-Frames (Ping, Pong, Close) und Fortsetzungs-Frames haben eigene Zeilen, ebenso die HTTP-Köpfe des Handshakes. Wählen Sie einen aus, um seine Bytes zu sehen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The selected frame byte by byte: each header field has a colour, a number (①-⑤) and a name; below, every field in words and the unmasking worked out.</source>
        <translation>Der gewählte Frame Byte für Byte: Jedes Kopffeld hat eine Farbe, eine Nummer (①-⑤) und einen Namen; darunter jedes Feld in Worten und die Demaskierung Schritt für Schritt.</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+112"/>
        <source>← out</source>
        <translation>← aus</translation>
    </message>
    <message>
        <location line="-110"/>
        <location line="+122"/>
        <source>%1 (%2-bit)</source>
        <translation>%1 (%2 Bit)</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Select a client, or a message in the traffic log, to see its frames byte by byte. Tap the client first: the X-ray shows only frames sent while the tap was on.</source>
        <translation>Wählen Sie einen Client oder eine Nachricht im Datenverkehr, um die Frames Byte für Byte zu sehen. Greifen Sie den Client zuerst ab: Der Röntgenblick zeigt nur Frames, die bei eingeschaltetem Abgriff gesendet wurden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Frame X-ray: no client selected</source>
        <translation>Frame-Röntgenblick: kein Client gewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame X-ray: %1</source>
        <translation>Frame-Röntgenblick: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>→ in</source>
        <translation>→ ein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent by the server</source>
        <translation>vom Server gesendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sent by the client</source>
        <translation>vom Client gesendet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a control frame</source>
        <translation>ein Steuer-Frame</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bytes in the head</source>
        <translation>Bytes im Kopf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payload bytes, and the length form: %1</source>
        <translation>Nutzdaten-Bytes und die Längenform: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The tap did not see this frame: it was off for this client when the frame went over the wire. Tap the client (or every connection) and select a newer one.</source>
        <translation>Der Abgriff hat diesen Frame nicht gesehen: Er war für diesen Client aus, als der Frame über die Leitung ging. Greifen Sie den Client (oder alle Verbindungen) ab und wählen Sie einen neueren.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Frame X-ray</source>
        <translation>Frame-Röntgenblick</translation>
    </message>
</context>
<context>
    <name>duplex::server::handshake</name>
    <message>
        <location filename="../../app-server/ui/handshakeexplainer.cpp" line="+47"/>
        <source>asks to switch this HTTP connection to the WebSocket protocol</source>
        <translation>bittet, diese HTTP-Verbindung auf das WebSocket-Protokoll umzustellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>says this request is an upgrade, not a normal page request</source>
        <translation>sagt, dass diese Anfrage ein Upgrade ist und kein normaler Seitenabruf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a random value from the client; the server must prove it read it</source>
        <translation>ein Zufallswert vom Client; der Server muss beweisen, dass er ihn gelesen hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the proof: base64(SHA-1(key + RFC 6455 GUID)), worked out below</source>
        <translation>der Nachweis: base64(SHA-1(Schlüssel + RFC-6455-GUID)), unten Schritt für Schritt berechnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the WebSocket protocol version (13 is RFC 6455)</source>
        <translation>die WebSocket-Protokollversion (13 ist RFC 6455)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the application protocol spoken inside (Duplex offers duplex.v1)</source>
        <translation>das Anwendungsprotokoll, das darin gesprochen wird (Duplex bietet duplex.v1 an)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the web page that opened the connection (browsers send it)</source>
        <translation>die Webseite, die die Verbindung geöffnet hat (Browser senden sie mit)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server address the client typed</source>
        <translation>die Serveradresse, die der Client eingegeben hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the client program</source>
        <translation>das Client-Programm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional extensions, e.g. compression</source>
        <translation>optionale Erweiterungen, z. B. Kompression</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>REQUEST (client → server, plain HTTP)</source>
        <translation>ANFRAGE (Client → Server, reines HTTP)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RESPONSE (server → client)</source>
        <translation>ANTWORT (Server → Client)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>101: from now on this TCP connection speaks WebSocket, both ways at once</source>
        <translation>101: ab jetzt spricht diese TCP-Verbindung WebSocket, in beide Richtungen zugleich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(Rebuilt from what Qt exposes: Qt does not hand over the raw bytes, so header order and spelling may differ from the wire.)</source>
        <translation>(Rekonstruiert aus dem, was Qt preisgibt: Qt reicht die Rohbytes nicht heraus, daher können Reihenfolge und Schreibweise der Header von der Leitung abweichen.)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sec-WebSocket-Accept, step by step:</source>
        <translation>Sec-WebSocket-Accept, Schritt für Schritt:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  (no Sec-WebSocket-Key in the request)</source>
        <translation>  (kein Sec-WebSocket-Key in der Anfrage)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  1. the client&apos;s key:          %1</source>
        <translation>  1. Schlüssel des Clients:    %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  2. append the RFC 6455 GUID:  %1</source>
        <translation>  2. RFC-6455-GUID anhängen:   %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  3. SHA-1 of that (20 bytes):  %1</source>
        <translation>  3. SHA-1 davon (20 Bytes):   %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  4. base64 of the 20 bytes:    %1</source>
        <translation>  4. Base64 der 20 Bytes:      %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  The server sends this value as Sec-WebSocket-Accept.</source>
        <translation>  Der Server sendet diesen Wert als Sec-WebSocket-Accept.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  ✓ matches the Sec-WebSocket-Accept the server sent.</source>
        <translation>  ✓ stimmt mit dem gesendeten Sec-WebSocket-Accept überein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  ✗ differs from the Sec-WebSocket-Accept sent (%1).</source>
        <translation>  ✗ weicht vom gesendeten Sec-WebSocket-Accept ab (%1).</translation>
    </message>
</context>
<context>
    <name>duplex::server::http</name>
    <message>
        <location filename="../../app-server/core/httprouter.cpp" line="+48"/>
        <source>This address answers only %1.</source>
        <translation>Diese Adresse beantwortet nur %1.</translation>
    </message>
</context>
<context>
    <name>duplex::server::http::Router</name>
    <message>
        <location line="+93"/>
        <location line="+20"/>
        <source>The request body is larger than %1 bytes.</source>
        <translation>Der Inhalt der Anfrage ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+21"/>
        <source>Pages from another site may not use this server.</source>
        <translation>Seiten einer anderen Website dürfen diesen Server nicht benutzen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing here. The chat page is at /, the chat itself is a WebSocket on the same address.</source>
        <translation>Hier ist nichts. Die Chatseite liegt unter /, der Chat selbst ist ein WebSocket unter derselben Adresse.</translation>
    </message>
</context>
<context>
    <name>duplex::server::xray</name>
    <message>
        <location filename="../../app-server/ui/frameexplainer.cpp" line="+80"/>
        <source>continuation: the next piece of a message started by an earlier frame</source>
        <translation>continuation (Fortsetzung): das nächste Stück einer Nachricht, die ein früherer Frame begonnen hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text: the payload is UTF-8 text (Duplex sends JSON)</source>
        <translation>text: Die Nutzdaten sind UTF-8-Text (Duplex sendet JSON)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>binary: the payload is raw bytes</source>
        <translation>binary: Die Nutzdaten sind rohe Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close: the sender ends the connection (a code and a reason follow)</source>
        <translation>close: Der Absender beendet die Verbindung (ein Code und ein Grund folgen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ping: &quot;are you still there?&quot; - the other side must answer with a pong</source>
        <translation>ping: „Bist du noch da?“ – die Gegenseite muss mit einem Pong antworten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pong: the answer to a ping, with the ping&apos;s payload</source>
        <translation>pong: die Antwort auf einen Ping, mit den Nutzdaten des Pings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reserved: no meaning in RFC 6455 (a protocol error)</source>
        <translation>reserviert: ohne Bedeutung in RFC 6455 (ein Protokollfehler)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 fits in the 7 bits of this byte (0-125): the short form, no extra length bytes.</source>
        <translation>%1 passt in die 7 Bit dieses Bytes (0-125): die kurze Form, keine zusätzlichen Längen-Bytes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>126 here means &quot;the length is in the next 2 bytes&quot; (16-bit form): %1 is more than 125 but at most 65,535.</source>
        <translation>126 bedeutet hier „die Länge steht in den nächsten 2 Bytes“ (16-Bit-Form): %1 ist mehr als 125, aber höchstens 65.535.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>127 here means &quot;the length is in the next 8 bytes&quot; (64-bit form): %1 is more than 65,535.</source>
        <translation>127 bedeutet hier „die Länge steht in den nächsten 8 Bytes“ (64-Bit-Form): %1 ist mehr als 65.535.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server&apos;s HTTP answer head, byte for byte. A 101 switches this TCP connection to WebSocket frames.</source>
        <translation>Der HTTP-Antwortkopf des Servers, Byte für Byte. Eine 101 schaltet diese TCP-Verbindung auf WebSocket-Frames um.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client&apos;s HTTP request head, byte for byte. ␍␊ is the CR LF that ends each line; an empty line ends the head.</source>
        <translation>Der HTTP-Anfragekopf des Clients, Byte für Byte. ␍␊ ist das CR LF am Ende jeder Zeile; eine leere Zeile beendet den Kopf.</translation>
    </message>
    <message>
        <source>%1 bytes on the wire%2.</source>
        <translation type="vanished">%1 Bytes auf der Leitung%2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (only the first %1 kept)</source>
        <translation> (nur die ersten %1 behalten)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>resume token, hidden</source>
        <translation>Fortsetzungs-Token, verborgen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>7-bit (0-125)</source>
        <translation>7 Bit (0-125)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>16-bit (126-65,535)</source>
        <translation>16 Bit (126-65.535)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>64-bit (over 65,535)</source>
        <translation>64 Bit (über 65.535)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>more follows</source>
        <translation>mehr folgt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="vanished">%1 Bytes</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>1 byte on the wire%1.</source>
        <translation>1 Byte auf der Leitung%1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bytes on the wire%1.</source>
        <translation>
            <numerusform>%n Byte auf der Leitung%1.</numerusform>
            <numerusform>%n Bytes auf der Leitung%1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>server → client</source>
        <translation>Server → Client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>client → server</source>
        <translation>Client → Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2, %3, %4</source>
        <translation>%1 %2, %3, %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client %1</source>
        <translation>Client %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The frame&apos;s header is incomplete.</source>
        <translation>Der Kopf des Frames ist unvollständig.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>FIN, RSV1-3, opcode</source>
        <translation>FIN, RSV1-3, Opcode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MASK, length</source>
        <translation>MASK, Länge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>length, %1 bits</source>
        <translation>Länge, %1 Bit</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+56"/>
        <source>masking key</source>
        <translation>Maskierungsschlüssel</translation>
    </message>
    <message>
        <location line="-50"/>
        <source> … (%1 more)</source>
        <translation> … (%1 weitere)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>payload (masked)</source>
        <translation>Nutzdaten (maskiert)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>byte 1</source>
        <translation>Byte 1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this is the last frame of its message (or the only one).</source>
        <translation>Dies ist der letzte Frame seiner Nachricht (oder der einzige).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more frames of this message follow (continuation frames).</source>
        <translation>Weitere Frames dieser Nachricht folgen (Fortsetzungs-Frames).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no extension in use (Qt 6.4 has no compression).</source>
        <translation>Keine Erweiterung in Gebrauch (Qt 6.4 hat keine Kompression).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an extension bit is set; nobody agreed on one, so this is a protocol error.</source>
        <translation>Ein Erweiterungsbit ist gesetzt; niemand hat eine vereinbart, also ist das ein Protokollfehler.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>opcode</source>
        <translation>Opcode</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>byte 2</source>
        <translation>Byte 2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the payload is masked with the 4-byte key below. Every frame a client sends must be masked.</source>
        <translation>Die Nutzdaten sind mit dem 4-Byte-Schlüssel unten maskiert. Jeder Frame, den ein Client sendet, muss maskiert sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not masked. A server never masks its frames.</source>
        <translation>Nicht maskiert. Ein Server maskiert seine Frames nie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>extended length</source>
        <translation>erweiterte Länge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes (%2 form)</source>
        <translation>%1 Bytes (%2-Form)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>four random bytes the client chose for this frame alone.</source>
        <translation>Vier zufällige Bytes, die der Client nur für diesen Frame gewählt hat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unmasking</source>
        <translation>Demaskierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payload byte i XOR key byte (i mod 4):</source>
        <translation>Nutzdaten-Byte i XOR Schlüssel-Byte (i mod 4):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>masked</source>
        <translation>maskiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unmasked</source>
        <translation>demaskiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>close code</source>
        <translation>Close-Code</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No code: the close has no payload.</source>
        <translation>Kein Code: Das Close hat keine Nutzdaten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The payload, unmasked:</source>
        <translation>Die Nutzdaten, demaskiert:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The payload:</source>
        <translation>Die Nutzdaten:</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Only the first %n bytes of this frame were kept (%1 on the wire).</source>
        <translation>
            <numerusform>Nur das erste %n Byte dieses Frames wurde behalten (%1 auf der Leitung).</numerusform>
            <numerusform>Nur die ersten %n Bytes dieses Frames wurden behalten (%1 auf der Leitung).</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %1 bytes of this frame were kept (%2 on the wire).</source>
        <translation type="vanished">Nur die ersten %1 Bytes dieses Frames wurden behalten (%2 auf der Leitung).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app-server/main.cpp" line="+74"/>
        <source>Duplex WebSocket chat server</source>
        <translation>Duplex-WebSocket-Chatserver</translation>
    </message>
</context>
</TS>
