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
    <name>duplex::client</name>
    <message>
        <location filename="../../app-client/core/slashcommand.cpp" line="+49"/>
        <source>Usage: /join ROOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Usage: /nick NEWNAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Usage: /msg NICK text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown command /%1. Type /help for the list; start with // to send a message that begins with a slash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Commands:
/join ROOM – join (or create) a room and switch to it
/leave [ROOM] – leave the current room (or ROOM)
/nick NAME – change your nickname
/msg NICK [text] – open a private conversation, optionally sending text
/help – this list
Enter sends, Shift+Enter starts a new line, Up recalls your last message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::ChatInput</name>
    <message>
        <location filename="../../app-client/ui/chatinput.cpp" line="+14"/>
        <source>Type a message – Enter sends, Shift+Enter for a new line, /help for commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter sends, Shift+Enter starts a new line, Up recalls your last message.
Commands: /join ROOM, /leave, /nick NAME, /msg NICK text, /help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::ChatState</name>
    <message>
        <location filename="../../app-client/core/chatstate.cpp" line="+63"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+191"/>
        <source>%1 joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You are now known as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is now known as %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::ChatView</name>
    <message>
        <location filename="../../app-client/ui/chatview.cpp" line="+34"/>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Copy text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::ClientSession</name>
    <message>
        <location filename="../../app-client/core/clientsession.cpp" line="+59"/>
        <source>the server stopped answering pings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the server did not complete the handshake in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handshaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+80"/>
        <source>bye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+90"/>
        <source>the connection closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server at %1 is not reachable (%2). Check that the server is running, that the address and port are the ones the server window shows (for example ws://192.168.1.20:8080), and that no firewall blocks the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>You were disconnected by the server operator: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This session was taken over by another connection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::FrameLogModel</name>
    <message>
        <location filename="../../app-client/core/framelogmodel.cpp" line="+47"/>
        <source>← in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(unparsed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>control frame, round trip %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>control frame (keep-alive / RTT probe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
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
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>WebSocket ping control frame (opcode 0x9), payload %1 bytes.
The server&apos;s WebSocket stack answers with a pong automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>WebSocket pong control frame (opcode 0xA), payload %1 bytes.
Round trip: %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Binary frame, %1 bytes: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::InspectorDock</name>
    <message>
        <location filename="../../app-client/ui/inspectordock.cpp" line="+53"/>
        <source>Protocol inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every WebSocket frame this client sends and receives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Filter frames (type, text, direction)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows only frames containing this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide keep-alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide ping, pong and typing frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget the frames listed so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Select a frame to see its JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1  %2  %3 bytes  %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::MainWindow</name>
    <message>
        <location filename="../../app-client/ui/mainwindow.cpp" line="+12"/>
        <source>Duplex Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chat client is coming soon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::MemberDelegate</name>
    <message>
        <location filename="../../app-client/ui/roomdelegate.cpp" line="+64"/>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  ✎ typing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::MessageDelegate</name>
    <message>
        <location filename="../../app-client/ui/messagedelegate.cpp" line="+206"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>⚑ Notice from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+16"/>
        <source>⏳ sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✗ not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::RoomListModel</name>
    <message numerus="yes">
        <location filename="../../app-client/core/roomlistmodel.cpp" line="+28"/>
        <source>Room #%1, %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Whispers with %1, %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whispers with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplex::client::RosterModel</name>
    <message>
        <location filename="../../app-client/core/rostermodel.cpp" line="+45"/>
        <source>%1 is typing</source>
        <translation type="unfinished"></translation>
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
</TS>
