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
        <location line="+83"/>
        <location line="+15"/>
        <location line="+14"/>
        <location line="+15"/>
        <location line="+128"/>
        <location line="+151"/>
        <source>Field &apos;%1&apos; is missing.</source>
        <translation>Das Feld &apos;%1&apos; fehlt.</translation>
    </message>
    <message>
        <location line="-320"/>
        <location line="+154"/>
        <location line="+19"/>
        <source>Field &apos;%1&apos; must be a string.</source>
        <translation>Das Feld &apos;%1&apos; muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Field &apos;%1&apos; is not valid Unicode text.</source>
        <translation>Das Feld &apos;%1&apos; ist kein gültiger Unicode-Text.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Field &apos;%1&apos; must be true or false.</source>
        <translation>Das Feld &apos;%1&apos; muss true oder false sein.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Field &apos;%1&apos; must be a number.</source>
        <translation>Das Feld &apos;%1&apos; muss eine Zahl sein.</translation>
    </message>
    <message>
        <location line="+293"/>
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
        <location filename="../../common/names.cpp" line="+24"/>
        <source>A nickname cannot be empty.</source>
        <translation>Der Spitzname darf nicht leer sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A nickname has at most %1 characters.</source>
        <translation>Ein Spitzname hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <source>The nickname is not valid text.</source>
        <translation>Der Spitzname ist kein gültiger Text.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A nickname may contain letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos; only.</source>
        <translation>Ein Spitzname darf nur Buchstaben, Ziffern, &apos;_&apos;, &apos;-&apos; und &apos;.&apos; enthalten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The nickname &quot;%1&quot; is reserved.</source>
        <translation>Der Spitzname „%1“ ist reserviert.</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+179"/>
        <source>Unknown presence event &apos;%1&apos;.</source>
        <translation>Unbekanntes Anwesenheitsereignis &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>duplex::proto::FieldReader</name>
    <message>
        <location line="-391"/>
        <source>Field &apos;%1&apos; must be a whole number from %2 to %3.</source>
        <translation>Das Feld &apos;%1&apos; muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
</context>
<context>
    <name>duplex::server</name>
    <message>
        <location filename="../../app-server/ui/serverwindowapp.cpp" line="+55"/>
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
        <location filename="../../app-server/core/headless.cpp" line="+71"/>
        <source>duplex-server: cannot listen on %1 port %2: %3</source>
        <translation>duplex-server: kann auf %1 Port %2 keine Verbindungen annehmen: %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>duplex-server: cannot set up signal handling.</source>
        <translation>duplex-server: die Signalbehandlung lässt sich nicht einrichten.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>stopped (%n clients closed with 1001%1); database closed.</source>
        <translation>
            <numerusform>beendet (%n Client mit 1001 geschlossen%1); Datenbank geschlossen.</numerusform>
            <numerusform>beendet (%n Clients mit 1001 geschlossen%1); Datenbank geschlossen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n did not answer in time</source>
        <translation>
            <numerusform>, %n hat nicht rechtzeitig geantwortet</numerusform>
            <numerusform>, %n haben nicht rechtzeitig geantwortet</numerusform>
        </translation>
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
        <location line="+8"/>
        <source>signal %1: closing every client with 1001 (going away).</source>
        <translation>Signal %1: schließe alle Clients mit 1001 (geht weg).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>database %1; name &quot;%2&quot;; rate %3/s, burst %4; at most %5 clients.</source>
        <translation>Datenbank %1; Name „%2“; Rate %3/s, Burst %4; höchstens %5 Clients.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/serveroptions.cpp" line="+39"/>
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
        <source>Append every frame and HTTP head on the wire to FILE, one JSON line each (the frame X-ray&apos;s recording).</source>
        <translation>Jeden Frame und jeden HTTP-Kopf auf der Leitung an DATEI anhängen, je eine JSON-Zeile (die Aufzeichnung des Frame-Röntgenblicks).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Convert the recording given with --record to a Wireshark capture FILE (.pcapng) and exit; --port is the server port in it.</source>
        <translation>Die mit --record angegebene Aufzeichnung in eine Wireshark-Mitschnittdatei DATEI (.pcapng) umwandeln und beenden; --port ist darin der Server-Port.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--bind: &quot;%1&quot; is not an IP address.</source>
        <translation>--bind: „%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--port: give a number from 0 to 65535.</source>
        <translation>--port: bitte eine Zahl von 0 bis 65535 angeben.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--db: give a file path or &quot;:memory:&quot;.</source>
        <translation>--db: bitte einen Dateipfad oder „:memory:“ angeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--name: the server name cannot be empty.</source>
        <translation>--name: der Servername darf nicht leer sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--rate: give a number of messages per second, 0 for unlimited.</source>
        <translation>--rate: bitte eine Anzahl Nachrichten pro Sekunde angeben, 0 für unbegrenzt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--burst: give a whole number of at least 1.</source>
        <translation>--burst: bitte eine ganze Zahl ab 1 angeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--max-clients: give a whole number of at least 1.</source>
        <translation>--max-clients: bitte eine ganze Zahl ab 1 angeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--max-queued-mib: give a whole number of MiB, 0 for never.</source>
        <translation>--max-queued-mib: eine ganze Zahl in MiB angeben, 0 für nie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--allow-origin: give an origin like http://host:port.</source>
        <translation>--allow-origin: einen Ursprung wie http://host:port angeben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--record: give a file path.</source>
        <translation>--record: Geben Sie einen Dateipfad an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--pcapng: give a file path, and the recording with --record.</source>
        <translation>--pcapng: Geben Sie einen Dateipfad an und die Aufzeichnung mit --record.</translation>
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
</context>
<context>
    <name>duplex::server::ChatServer</name>
    <message>
        <location filename="../../app-server/core/chatserver.cpp" line="+101"/>
        <source>%1 does not read its messages (%2 bytes waiting): closed with 1008.</source>
        <translation>%1 liest seine Nachrichten nicht (%2 Bytes warten): mit 1008 geschlossen.</translation>
    </message>
    <message>
        <source>Refused %1: the server is full (%2 clients); closed with 1013.</source>
        <translation type="vanished">%1 abgelehnt: der Server ist voll (%2 Clients); mit 1013 geschlossen.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chatserver_p.h" line="+63"/>
        <source>%1 loaded the browser page.</source>
        <translation>%1 hat die Browserseite geladen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 answered %3.</source>
        <translation>%1: %2 mit %3 beantwortet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app-server/core/chatserver.cpp" line="-44"/>
        <source>Refused %1: the server is full (%n clients); closed with 1013.</source>
        <translation>
            <numerusform>%1 abgelehnt: Der Server ist voll (%n Client); mit 1013 geschlossen.</numerusform>
            <numerusform>%1 abgelehnt: Der Server ist voll (%n Clients); mit 1013 geschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 connected (%2).</source>
        <translation>%1 hat sich verbunden (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+97"/>
        <source>%1 did not say hello within %2 s: closed with 1008.</source>
        <translation>%1 hat sich nicht innerhalb von %2 s angemeldet (hello): mit 1008 geschlossen.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Cannot record to %1: %2</source>
        <translation>Aufzeichnung nach %1 nicht möglich: %2</translation>
    </message>
    <message>
        <location filename="../../app-server/core/wsconnection.cpp" line="+285"/>
        <source>connection lost without a close frame</source>
        <translation>Verbindung ohne Close-Frame verloren</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chatserver.cpp" line="-147"/>
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
        <location filename="../../app-server/core/engine.cpp" line="+192"/>
        <source>%1 kept flooding past %2 refused messages: closed with 1008.</source>
        <translation>%1 hat trotz %2 abgewiesener Nachrichten weiter geflutet: mit 1008 geschlossen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 sends too fast (over %2/s, burst %3): messages dropped.</source>
        <translation>%1 sendet zu schnell (über %2/s, Burst %3): Nachrichten verworfen.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chathandlers.cpp" line="+74"/>
        <source>%1: a new connection resumed this session; the old one is closed with 4000.</source>
        <translation>%1: eine neue Verbindung hat diese Sitzung fortgesetzt; die alte wird mit 4000 geschlossen.</translation>
    </message>
    <message>
        <source>%1 resumed its session as &quot;%2&quot; (%3 rooms).</source>
        <translation type="vanished">%1 hat seine Sitzung als „%2“ fortgesetzt (%3 Räume).</translation>
    </message>
    <message>
        <location line="+52"/>
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
        <location line="+75"/>
        <source>Could not store a message from %1: %2</source>
        <translation>Eine Nachricht von %1 ließ sich nicht speichern: %2</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>%1 is now known as &quot;%2&quot;.</source>
        <translation>%1 heißt jetzt „%2“.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chatserver.cpp" line="+69"/>
        <source>%1 did not answer pings for %2 s: dropped.</source>
        <translation>%1 hat %2 s lang nicht auf Pings geantwortet: getrennt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer to pings for %1 s</source>
        <translation>%1 s lang keine Antwort auf Pings</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nobody resumed the session of &quot;%1&quot; within %2 s: the nickname is free again.</source>
        <translation>Niemand hat die Sitzung von „%1“ innerhalb von %2 s fortgesetzt: der Spitzname ist wieder frei.</translation>
    </message>
    <message>
        <location line="-200"/>
        <location line="+283"/>
        <source>server shutting down</source>
        <translation>Server fährt herunter</translation>
    </message>
    <message>
        <location filename="../../app-server/core/engine.cpp" line="+49"/>
        <source>The server is busy (%1 bytes waiting to be sent): new messages are refused until it catches up.</source>
        <translation>Der Server ist ausgelastet (%1 Bytes warten auf das Senden): neue Nachrichten werden abgelehnt, bis er aufgeholt hat.</translation>
    </message>
    <message>
        <location filename="../../app-server/core/chatserver.cpp" line="+93"/>
        <source>%1 was kicked.</source>
        <translation>%1 wurde hinausgeworfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was kicked: %2</source>
        <translation>%1 wurde hinausgeworfen: %2</translation>
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
        <location line="+36"/>
        <source>(no hello yet)</source>
        <translation>(noch kein hello)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
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
</context>
<context>
    <name>duplex::server::ClientsPanel</name>
    <message>
        <location filename="../../app-server/ui/clientspanel.cpp" line="+77"/>
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
        <location line="+3"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(%1 connected)</source>
        <translation>(%1 verbunden)</translation>
    </message>
    <message>
        <location line="+26"/>
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
        <location line="+2"/>
        <source>Kick %1…</source>
        <translation>%1 hinauswerfen…</translation>
    </message>
    <message>
        <location line="+39"/>
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
        <location line="+27"/>
        <source>Kick %1</source>
        <translation>%1 hinauswerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (the client sees it in the close frame, code 4001):</source>
        <translation>Begründung (der Client sieht sie im Close-Frame, Code 4001):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kicked by the teacher</source>
        <translation>Von der Lehrkraft hinausgeworfen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Notice to %1</source>
        <translation>Mitteilung an %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private notice to %1 (nobody else sees it):</source>
        <translation>Private Mitteilung an %1 (niemand sonst sieht sie):</translation>
    </message>
    <message>
        <source>Text pushed to this client only:</source>
        <translation type="vanished">Text, der nur an diesen Client gepusht wird:</translation>
    </message>
</context>
<context>
    <name>duplex::server::Headless</name>
    <message>
        <location filename="../../app-server/core/serveroptions.cpp" line="+53"/>
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
</context>
<context>
    <name>duplex::server::HistoryStore</name>
    <message>
        <location filename="../../app-server/core/historystore.cpp" line="+235"/>
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
        <location line="+125"/>
        <source>The history database is not open.</source>
        <translation>Die Verlaufsdatenbank ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>duplex::server::JoinCard</name>
    <message>
        <location filename="../../app-server/ui/joincard.cpp" line="+213"/>
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
        <location line="+75"/>
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
        <location line="-345"/>
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
        <location line="+19"/>
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
</context>
<context>
    <name>duplex::server::MainWindow</name>
    <message>
        <location filename="../../app-server/ui/mainwindow.cpp" line="+59"/>
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
        <location line="+35"/>
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
        <location line="+17"/>
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
        <location line="+76"/>
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
        <location line="-69"/>
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
        <location line="+102"/>
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
        <location line="+82"/>
        <source>&amp;Stop listening</source>
        <translation>Server &amp;stoppen</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+152"/>
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
        <location line="-10"/>
        <source>, reason: &quot;%1&quot;</source>
        <translation>, Begründung: „%1“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>1 client</source>
        <translation>1 Client</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation type="vanished">%1 Clients</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Up %1:%2:%3</source>
        <translation>Läuft seit %1:%2:%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not listening</source>
        <translation>Nimmt keine Verbindungen an</translation>
    </message>
    <message>
        <location line="+26"/>
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
        <location line="+5"/>
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
        <location filename="../../app-server/ui/settingsdialog.cpp" line="+20"/>
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
</context>
<context>
    <name>duplex::server::Sparkline</name>
    <message>
        <location filename="../../app-server/ui/sparkline.cpp" line="+113"/>
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
        <location line="+7"/>
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
        <location line="-66"/>
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
        <location line="+22"/>
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
        <location line="+4"/>
        <source>%1: %2 is typing</source>
        <translation>%1: %2 tippt gerade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 stopped typing</source>
        <translation>%1: %2 tippt nicht mehr</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+15"/>
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
    <message>
        <location line="+255"/>
        <source>rejected: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>→ 1 client</source>
        <translation>→ 1 Client</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>→ %n clients</source>
        <translation>
            <numerusform>→ %n Client</numerusform>
            <numerusform>→ %n Clients</numerusform>
        </translation>
    </message>
    <message>
        <location line="+87"/>
        <source>(fan-out)</source>
        <translation>(Fan-out)</translation>
    </message>
    <message>
        <location line="+33"/>
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
        <location line="+1"/>
        <source>What the frame says, in one line.</source>
        <translation>Was der Frame sagt, in einer Zeile.</translation>
    </message>
</context>
<context>
    <name>duplex::server::TrafficPanel</name>
    <message>
        <location filename="../../app-server/ui/trafficpanel.cpp" line="-36"/>
        <source>Hide keep-alive</source>
        <translation>Keep-alive ausblenden</translation>
    </message>
    <message>
        <location line="+46"/>
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
        <location line="+104"/>
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
        <location line="+72"/>
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
        <location filename="../../app-server/core/httprouter.cpp" line="+47"/>
        <source>This address answers only %1.</source>
        <translation>Diese Adresse beantwortet nur %1.</translation>
    </message>
</context>
<context>
    <name>duplex::server::http::Router</name>
    <message>
        <location line="+83"/>
        <source>The request body is larger than %1 bytes.</source>
        <translation>Der Inhalt der Anfrage ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+1"/>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="vanished">%1 Bytes</translation>
    </message>
    <message>
        <location line="-42"/>
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
        <location line="+41"/>
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
        <location filename="../../app-server/main.cpp" line="+71"/>
        <source>Duplex WebSocket chat server</source>
        <translation>Duplex-WebSocket-Chatserver</translation>
    </message>
</context>
</TS>
