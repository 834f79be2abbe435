<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>duplex</name>
    <message>
        <location filename="../../common/codec.cpp" line="+41"/>
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
        <translation>Sie sind nicht in diesem Raum.</translation>
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
        <translation>Binäre Frames werden nicht unterstützt: Senden Sie JSON in Text-Frames.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server is full. Try again later.</source>
        <translation>Der Server ist voll. Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server failed and did not carry out the request.</source>
        <translation>Beim Server ist ein Fehler aufgetreten; die Anfrage wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+15"/>
        <location line="+14"/>
        <location line="+16"/>
        <location line="+115"/>
        <location line="+152"/>
        <source>Field &apos;%1&apos; is missing.</source>
        <translation>Das Feld &apos;%1&apos; fehlt.</translation>
    </message>
    <message>
        <location line="-309"/>
        <location line="+142"/>
        <location line="+19"/>
        <source>Field &apos;%1&apos; must be a string.</source>
        <translation>Das Feld &apos;%1&apos; muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <location line="-157"/>
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
        <location line="+282"/>
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
        <location line="+28"/>
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
        <location line="+9"/>
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
        <location filename="../../common/codec.cpp" line="-273"/>
        <source>The frame is not valid JSON (%1 at byte %2).</source>
        <translation>Der Frame ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The frame must be a JSON object.</source>
        <translation>Der Frame muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Field &apos;id&apos; must be a string of 1 to %1 characters.</source>
        <translation>Das Feld &apos;id&apos; muss eine Zeichenkette mit 1 bis %1 Zeichen sein.</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+182"/>
        <source>Unknown presence event &apos;%1&apos;.</source>
        <translation>Unbekanntes Anwesenheitsereignis &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>duplex::proto::FieldReader</name>
    <message>
        <location line="-381"/>
        <source>Field &apos;%1&apos; must be a whole number from %2 to %3.</source>
        <translation>Das Feld &apos;%1&apos; muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
</context>
<context>
    <name>duplex::server</name>
    <message>
        <location filename="../../app-server/ui/serverwindowapp.cpp" line="+64"/>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duplex Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app-server/ui/uiutil.cpp" line="+20"/>
        <source>normal closure: the client said goodbye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>going away: the page or program closed, or the server is shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>protocol error: a frame broke the WebSocket rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsupported data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no status code was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>abnormal closure: the connection dropped without a close frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid data: the text was not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>policy violation: flooding, or reading too slowly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message too big: over the size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>internal server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>try again later: the server is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>taken over: the same session resumed on a new connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kicked by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>application-defined code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::ChatServer</name>
    <message>
        <location filename="../../app-server/core/chatserver.cpp" line="+421"/>
        <source>%1 does not read its messages (%2 bytes waiting): closed with 1008.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Refused %1: the server is full (%2 clients); closed with 1013.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+76"/>
        <source>%1 connected (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no subprotocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subprotocol %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 sent more than %2 bytes in one message: closed with 1009.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 broke the WebSocket protocol: closed with %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>connection lost without a close frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 disconnected: closed cleanly with code %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 disconnected: closed by the server with code %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 disconnected: dropped (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The session can be resumed for %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 kept flooding past %2 refused messages: closed with 1008.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 sends too fast (over %2/s, burst %3): messages dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+106"/>
        <source>%1: a new connection resumed this session; the old one is closed with 4000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 resumed its session as &quot;%2&quot; (%3 rooms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 said hello as &quot;%2&quot;%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Could not store a message from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+122"/>
        <source>%1 is now known as &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 did not answer pings for %2 s: dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no answer to pings for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+141"/>
        <source>server shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+101"/>
        <source>%1 was kicked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was kicked: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::ClientModel</name>
    <message>
        <location filename="../../app-server/core/clientmodel.cpp" line="+105"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(no hello yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RTT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The nickname the client chose in its hello.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client&apos;s IP address and TCP port: each connection is one TCP connection that stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The program the client says it is (the agent field of hello).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rooms this client has joined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long this WebSocket connection has been open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages received from this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages the server pushed to this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes received from this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes sent to this client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round-trip time of the last WebSocket ping/pong, in milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::ClientsPanel</name>
    <message>
        <location filename="../../app-server/ui/clientspanel.cpp" line="+56"/>
        <source>Every open WebSocket connection. Click a client to see its handshake; right-click to push a notice or kick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a client to see how its connection was opened: the HTTP request, the 101 answer, and the Accept proof.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The opening handshake of the selected connection, header by header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Push a notice to the selected client only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kick…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the selected client&apos;s connection with code 4001 and a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(%1 connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>
(This client has disconnected.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Push a notice to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kick %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no hello yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, agent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Kick %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (the client sees it in the close frame, code 4001):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kicked by the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Notice to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text pushed to this client only:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::HistoryStore</name>
    <message>
        <location filename="../../app-server/core/historystore.cpp" line="+78"/>
        <source>Cannot open the history database &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no path was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the Qt SQLite driver (QSQLITE) is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The history database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::MainWindow</name>
    <message>
        <location filename="../../app-server/ui/mainwindow.cpp" line="+61"/>
        <source>closed the connection cleanly with %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>was disconnected by the server with %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dropped without a close frame (network cut, crash or timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Duplex Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rooms and who is in them. A message said in a room is pushed to every member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Live statistics (last 5 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connections, disconnections (with the close code in words), kicks, rate limits and errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>How long the server has been listening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(in memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where messages are stored (SQLite). History survives restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The server name clients see when they connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start or stop accepting WebSocket connections. Stopping closes every client with 1001 (going away).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listen on the next port instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Students connect to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export traffic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+79"/>
        <source>&amp;Stop listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-72"/>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Projector mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Larger fonts everywhere, for the back row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Duplex Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>listening on %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not listen on port %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>stopped listening; every client was closed with 1001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>● Listening on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>▲ Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retry on port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>■ Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>(not listening)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type this address in the client&apos;s Server field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy %1 to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+93"/>
        <source>, reason: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1 client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Up %1:%2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>About Duplex Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplex Server %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A WebSocket chat server for teaching full-duplex push: see every client, the HTTP 101 upgrade and every frame, and push to the room.

Released under the MIT license.
Copyright 2026 The Duplex authors.
Built with Qt %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::PushBar</name>
    <message>
        <location filename="../../app-server/ui/pushbar.cpp" line="+34"/>
        <source>Push a notice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type an announcement and press Enter: the server speaks first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A notice is pushed by the server without any client asking: that is what a WebSocket makes possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who receives the notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Push the notice now (Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Selected client: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>pushed to 1 client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pushed to %1 clients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::RoomModel</name>
    <message>
        <location filename="../../app-server/core/roommodel.cpp" line="+183"/>
        <source>Members in this room. Every message said here is pushed to all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A room: expand it to see who is in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Room / member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::SettingsDialog</name>
    <message>
        <location filename="../../app-server/ui/settingsdialog.cpp" line="+20"/>
        <source>Server settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The TCP port students put after the colon in ws://address:port. Ports below 1024 need administrator rights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The name clients see when they connect (sent in welcome).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new port takes effect at once: connected clients are disconnected and reconnect to the new address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::Sparkline</name>
    <message>
        <location filename="../../app-server/ui/sparkline.cpp" line="+112"/>
        <source>peak %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::StatsPanel</name>
    <message>
        <location filename="../../app-server/ui/statspanel.cpp" line="+19"/>
        <source>%1k/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clients connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open WebSocket connections, over the last five minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames received from clients per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames pushed to clients per second. One message said in a room of 30 is 1 in and 30 out: that is fan-out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes received per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes sent per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Totals since the server started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Totals: %1 connections, %2 messages in, %3 out, %4 stored
%5 in, %6 out; %7 rate-limited, %8 closed for abuse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::TrafficModel</name>
    <message>
        <location filename="../../app-server/core/trafficmodel.cpp" line="+45"/>
        <source>as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, resuming a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> started typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> stopped typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, before seq %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, after seq %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rename to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list the rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>application ping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>you are %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, 1 member</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1, %n members</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 seq %2 %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, 1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%1, %n messages</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 now has %2 members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 is now %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stopped typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 room</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n rooms</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answer to ping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>notice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+253"/>
        <source>rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>→ 1 client</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>→ %n clients</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+66"/>
        <source>(fan-out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When the server received or sent the frame (milliseconds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in: a frame from a client to the server. out: a frame the server pushed. event: a connection event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who sent or received it. A fan-out is one frame sent to many clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message type (the &quot;type&quot; field of the JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the frame&apos;s payload in bytes (UTF-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the frame says, in one line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::TrafficPanel</name>
    <message>
        <location filename="../../app-server/ui/trafficpanel.cpp" line="+110"/>
        <source>Hide keep-alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Every WebSocket frame the server received (in) or pushed (out). A fan-out row is ONE frame sent to many clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show only the frames of one client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show only one message type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only frames containing this text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide ping, pong and typing frames: the noise that keeps connections alive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Freeze the view to read it; frames keep being recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frames recorded while the view is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty the traffic log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the rows shown as a JSON Lines file (one frame per line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a row to see the frame&apos;s JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected frame, exactly as JSON, pretty-printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+80"/>
        <source>All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(gone) #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source>Export traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::server::handshake</name>
    <message>
        <location filename="../../app-server/ui/handshakeexplainer.cpp" line="+57"/>
        <source>asks to switch this HTTP connection to the WebSocket protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>says this request is an upgrade, not a normal page request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a random value from the client; the server must prove it read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the proof: base64(SHA-1(key + RFC 6455 GUID)), worked out below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the WebSocket protocol version (13 is RFC 6455)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the application protocol spoken inside (Duplex offers duplex.v1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the web page that opened the connection (browsers send it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server address the client typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the client program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional extensions, e.g. compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>REQUEST (client → server, plain HTTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RESPONSE (server → client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>101: from now on this TCP connection speaks WebSocket, both ways at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(Rebuilt from what Qt exposes: Qt does not hand over the raw bytes, so header order and spelling may differ from the wire.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sec-WebSocket-Accept, step by step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  (no Sec-WebSocket-Key in the request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>  1. the client&apos;s key:          %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  2. append the RFC 6455 GUID:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  3. SHA-1 of that (20 bytes):  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  4. base64 of the 20 bytes:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  The server sends this value as Sec-WebSocket-Accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  ✓ matches the Sec-WebSocket-Accept the server sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  ✗ differs from the Sec-WebSocket-Accept sent (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
