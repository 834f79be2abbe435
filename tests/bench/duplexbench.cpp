// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Duplex authors

// duplex-bench: a headless load generator for protocol v1.
//
// One thread, one epoll set, N non-blocking TCP connections each running a minimal RFC 6455
// client (masked client frames, Sec-WebSocket-Key/Accept check, fragmentation, ping/close
// from the server). Because the same process stamps the send time (CLOCK_MONOTONIC, in the
// message text "b:<sender>:<n>:<ns>") and receives every copy, per-recipient latency is
// exact. Writes are batched per loop pass; parsing works in place on one shared read buffer,
// so the hot loop does not allocate per message.
//
// Loopback only by design: the URL must name 127.0.0.1, ::1 or localhost.
//
// --transport poll|long-poll: the same clients, senders and checks over the HTTP polling
// transport (POST /v1/poll) instead of WebSocket. Each simulated client is a raw HTTP/1.1
// client on the same epoll set, so every byte of every request and response (heads
// included) is counted. By default each request says `Connection: close`, so every poll
// is one TCP connection (closed after the server's FIN with an RST, so no TIME_WAIT piles
// up); with --keep-alive each client keeps its two connections open and sends its polls
// one after another on them (HTTP/1.1 persistent connections, a response ends at its
// Content-Length; a connection the server closed while idle is opened again). A client keeps one
// receiving poll going (short: on a fixed clock every
// --poll-interval ms, client i at phase i/N; long: `wait` 20000, re-issued at once) and sends
// its `say`s at once in a separate short poll (a chat client does not hold a message back
// for its next poll); messages are numbered (`n`) and acknowledged, and a message repeated
// under the same `n` is skipped, so "duplicated" means a seq seen twice.

#include "histogram.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <arpa/inet.h>
#include <cerrno>
#include <cinttypes>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <string_view>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <vector>

using namespace duplex::bench;

namespace {

uint64_t monoNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull + static_cast<uint64_t>(ts.tv_nsec);
}

double cpuSeconds()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
        + static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/// One server of the run (several --url: a cluster, issue 17).
struct Target {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string path = "/";
};

struct Options {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string path = "/";
    std::vector<Target> targets; ///< every --url; client i talks to targets[i % size]
    int clients = 100;
    int senders = 0;
    double rate = 10;      // messages/s per sender
    double duration = 5;   // s of measured sending
    double warmup = 0;     // s of unmeasured sending before
    double idle = 1;       // s to sit idle after all joined (memory sample)
    double drain = 5;      // s max to wait for the last messages after sending stops
    double timeout = 0;    // hard bound on the whole run (0 = computed)
    int concurrency = 200; // connections in flight (connect..joined) at once
    int stall = 0;         // clients (taken from the end) that stop reading once joined
    int pid = 0;           // server PID for /proc/PID/status
    std::string room = "general";
    std::string label;
    bool json = false;
    bool quiet = false;
    int transport = 0;        // 0 ws, 1 poll (short), 2 long-poll
    int pollIntervalMs = 500; // short polls: one every this many ms
    bool stagger = false;     // spread the senders' first message over one interval
    bool keepAlive = false;   // polls: persistent HTTP/1.1 connections
};

const char *transportName(int t)
{
    return t == 1 ? "poll" : t == 2 ? "long-poll" : "ws";
}

[[noreturn]] void usage(int code)
{
    std::fprintf(code ? stderr : stdout,
                 "usage: duplex-bench [options]\n"
                 "  --url ws://127.0.0.1:PORT/   server (loopback only); repeat it for a\n"
                 "                     cluster: clients are spread over the servers round\n"
                 "                     robin and every check (lost, doubled, order) counts\n"
                 "                     across them\n"
                 "  --clients N        connections (default 100)\n"
                 "  --senders S        the first S clients send (default 0: connect + idle only)\n"
                 "  --rate R           messages/s per sender (default 10)\n"
                 "  --duration T       seconds of measured sending (default 5)\n"
                 "  --warmup T         seconds of unmeasured sending first (default 0)\n"
                 "  --idle T           seconds idle after all joined, before sending (default 1)\n"
                 "  --drain T          max seconds to wait for stragglers (default 5)\n"
                 "  --concurrency C    connections being set up at once (default 200)\n"
                 "  --stall K          the last K clients stop reading once joined (slow readers)\n"
                 "  --room NAME        room to join and say in (default general)\n"
                 "  --pid PID          server process: sample its RSS from /proc/PID/status\n"
                 "  --label TEXT       copied into the output\n"
                 "  --timeout T        hard bound on the whole run in seconds (default: computed)\n"
                 "  --transport T      ws (default), poll (short polls) or long-poll: HTTP\n"
                 "                     polling via POST /v1/poll instead of WebSocket\n"
                 "  --poll-interval MS short polls: one every MS ms per client (default 500)\n"
                 "  --keep-alive       polls: keep the HTTP connections open between polls\n"
                 "                     (default: Connection: close, one TCP connection each)\n"
                 "  --stagger          spread the senders' messages evenly over each interval\n"
                 "                     (default: all senders at the same instant)\n"
                 "  --json             print one JSON object instead of the table\n"
                 "  --quiet            no progress on stderr\n");
    std::exit(code);
}

bool parseUrl(const std::string &url, Options &o)
{
    std::string rest;
    if (url.rfind("ws://", 0) == 0)
        rest = url.substr(5);
    else
        return false;
    std::string hostport = rest;
    const auto slash = rest.find('/');
    if (slash != std::string::npos) {
        hostport = rest.substr(0, slash);
        o.path = rest.substr(slash);
    }
    std::string host;
    std::string port;
    if (!hostport.empty() && hostport[0] == '[') {
        const auto close = hostport.find(']');
        if (close == std::string::npos)
            return false;
        host = hostport.substr(1, close - 1);
        if (close + 1 < hostport.size() && hostport[close + 1] == ':')
            port = hostport.substr(close + 2);
    } else {
        const auto colon = hostport.rfind(':');
        host = colon == std::string::npos ? hostport : hostport.substr(0, colon);
        if (colon != std::string::npos)
            port = hostport.substr(colon + 1);
    }
    if (host == "localhost")
        host = "127.0.0.1";
    if (host != "127.0.0.1" && host != "::1") {
        std::fprintf(stderr, "duplex-bench: refusing non-loopback host '%s'\n", host.c_str());
        return false;
    }
    o.host = host;
    o.port = port.empty() ? 80 : std::atoi(port.c_str());
    return o.port > 0 && o.port < 65536;
}

Options parseArgs(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc)
                usage(2);
            return argv[++i];
        };
        if (a == "--help" || a == "-h")
            usage(0);
        else if (a == "--url") {
            if (!parseUrl(next(), o))
                usage(2);
            o.targets.push_back({o.host, o.port, o.path});
        } else if (a == "--clients")
            o.clients = std::atoi(next().c_str());
        else if (a == "--senders")
            o.senders = std::atoi(next().c_str());
        else if (a == "--rate")
            o.rate = std::atof(next().c_str());
        else if (a == "--duration")
            o.duration = std::atof(next().c_str());
        else if (a == "--warmup")
            o.warmup = std::atof(next().c_str());
        else if (a == "--idle")
            o.idle = std::atof(next().c_str());
        else if (a == "--drain")
            o.drain = std::atof(next().c_str());
        else if (a == "--timeout")
            o.timeout = std::atof(next().c_str());
        else if (a == "--concurrency")
            o.concurrency = std::atoi(next().c_str());
        else if (a == "--stall")
            o.stall = std::atoi(next().c_str());
        else if (a == "--pid")
            o.pid = std::atoi(next().c_str());
        else if (a == "--room")
            o.room = next();
        else if (a == "--label")
            o.label = next();
        else if (a == "--transport") {
            const std::string t = next();
            if (t == "ws")
                o.transport = 0;
            else if (t == "poll")
                o.transport = 1;
            else if (t == "long-poll")
                o.transport = 2;
            else
                usage(2);
        } else if (a == "--poll-interval")
            o.pollIntervalMs = std::atoi(next().c_str());
        else if (a == "--stagger")
            o.stagger = true;
        else if (a == "--keep-alive")
            o.keepAlive = true;
        else if (a == "--json")
            o.json = true;
        else if (a == "--quiet")
            o.quiet = true;
        else {
            std::fprintf(stderr, "duplex-bench: unknown option %s\n", a.c_str());
            usage(2);
        }
    }
    if (o.clients < 1 || o.senders < 0 || o.senders > o.clients || o.concurrency < 1 || o.stall < 0
        || o.stall + o.senders > o.clients || o.rate < 0 || o.duration < 0 || o.pollIntervalMs < 1)
        usage(2);
    if (o.targets.empty())
        o.targets.push_back({o.host, o.port, o.path});
    o.host = o.targets.front().host;
    o.port = o.targets.front().port;
    o.path = o.targets.front().path;
    if (o.timeout <= 0)
        o.timeout = 60 + o.clients / 200.0 + o.idle + o.warmup + o.duration + o.drain;
    return o;
}

struct ProcSample {
    long rssKb = -1;
    long hwmKb = -1;
    double cpuSec = -1;
};

ProcSample sampleProc(int pid)
{
    ProcSample s;
    if (pid <= 0)
        return s;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/status", pid);
    if (FILE *f = std::fopen(path, "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f)) {
            if (std::strncmp(line, "VmRSS:", 6) == 0)
                s.rssKb = std::atol(line + 6);
            else if (std::strncmp(line, "VmHWM:", 6) == 0)
                s.hwmKb = std::atol(line + 6);
        }
        std::fclose(f);
    }
    std::snprintf(path, sizeof path, "/proc/%d/stat", pid);
    if (FILE *f = std::fopen(path, "r")) {
        char buf[1024];
        const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
        buf[n] = 0;
        std::fclose(f);
        // Fields after the ")" of the command name: state is field 3, utime 14, stime 15.
        if (const char *p = std::strrchr(buf, ')')) {
            unsigned long long ut = 0, st = 0;
            if (std::sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut,
                            &st)
                == 2)
                s.cpuSec = static_cast<double>(ut + st) / static_cast<double>(sysconf(_SC_CLK_TCK));
        }
    }
    return s;
}

// ---------------------------------------------------------------------------------------

enum class State : uint8_t {
    Idle,
    Connecting,
    Handshaking,
    WaitWelcome,
    WaitJoined,
    Joined,
    Closed
};

struct Conn {
    int fd = -1;
    State state = State::Idle;
    bool epollOut = false;
    bool dirty = false;    // in the flush list
    bool stalled = false;  // stopped reading on purpose
    bool fragText = false; // collecting a fragmented text message
    uint8_t attempts = 0;
    uint16_t closeCode = 0;
    uint64_t startNs = 0;
    std::string out; // unsent bytes from outPos on
    size_t outPos = 0;
    std::string in;    // an incomplete frame or handshake carried over between reads
    std::string frag;  // fragmented message payload
    char key[25] = {}; // Sec-WebSocket-Key
};

// Polling transport: one HTTP exchange (one TCP connection: the server closes after answering).
struct HttpSlot {
    int fd = -1;
    bool connecting = false;
    bool busy = false; // a request is out (with --keep-alive the fd stays open between)
    std::string out;
    size_t outPos = 0;
    std::string in;
    uint64_t startNs = 0;
};

struct PollState {
    HttpSlot slot[2];    // 0: the receiving poll, 1: sending (says, join)
    std::string session; // resume token
    int64_t highest = 0; // highest n received (sent as ack)
    std::string queue;   // client messages not sent yet, comma-separated JSON objects
    uint64_t nextPollNs = 0;
    bool phased = false; // the short-poll clock got this client's phase
};

struct Sender {
    int conn = 0;
    uint64_t nextNs = 0;
    uint64_t sent = 0; // measured messages queued
    uint64_t warmSent = 0;
    uint64_t skipped = 0; // not queued because the socket was backed up
};

class Bench
{
public:
    explicit Bench(Options o)
        : m_o(std::move(o))
    {
    }
    int run();

private:
    enum class Phase { Connecting, Idle, Warmup, Measure, Drain, Done };

    void startConnect(int i);
    void onEvent(int i, uint32_t ev);
    void onWritable(int i);
    void onReadable(int i);
    bool processInput(int i, const char *data, size_t len); // false: connection gone
    bool onHandshake(int i, const char *data, size_t len, size_t *consumed);
    void onFrameText(int i, const char *p, size_t n);
    void sendFrame(int i, uint8_t opcode, const char *payload, size_t n);
    void markDirty(int i);
    void flushAll();
    void flush(int i);
    void fail(int i, const char *why);
    void closeConn(int i);
    void updateEpoll(int i, bool wantOut);
    void sendSays(uint64_t now);
    void startSenders(uint64_t now)
    {
        // --stagger: sender s starts s/S of an interval later, so the room gets evenly
        // spaced messages instead of S at the same instant.
        const double interval = m_o.rate > 0 ? 1e9 / m_o.rate : 0;
        for (size_t k = 0; k < m_senders.size(); ++k)
            m_senders[k].nextNs = now
                + (m_o.stagger
                       ? static_cast<uint64_t>(interval * double(k) / double(m_senders.size()))
                       : 0);
    }
    void sendHello(int i);
    void sendJoin(int i);
    void report();
    // Polling transport (--transport poll|long-poll)
    bool receiving(const Conn &c) const
    {
        return m_poll ? c.state == State::Joined && !c.stalled : c.fd >= 0 && !c.stalled;
    }
    void queueMessage(int i, const char *json, size_t n);
    void startPollClient(int i);
    void startHttp(int i, int slot, int waitMs);
    void onPollEvent(uint32_t tag, uint32_t ev);
    void onHttpDone(int i, int slot);
    void httpFail(int i, int slot, const char *why);
    void closeSlot(HttpSlot &h);
    void openHttp(int i, int slot); // a new TCP connection for the request in h.out
    void redo(int i, int slot, std::string out);
    void pollTick(uint64_t now);
    uint32_t rnd()
    {
        m_rng ^= m_rng << 13;
        m_rng ^= m_rng >> 7;
        m_rng ^= m_rng << 17;
        return static_cast<uint32_t>(m_rng);
    }

    Options m_o;
    int m_ep = -1;
    /// Per target (Options::targets): client i connects to m_addrs[i % size].
    std::vector<sockaddr_storage> m_addrs;
    std::vector<socklen_t> m_addrLens;
    size_t targetOf(int i) const { return static_cast<size_t>(i) % m_addrs.size(); }
    std::vector<Conn> m_conns;
    std::vector<int> m_dirty;
    std::vector<Sender> m_senders;
    std::vector<char> m_readBuf = std::vector<char>(256 * 1024);
    uint64_t m_rng = 0x9e3779b97f4a7c15ull;
    char m_runTag[8] = {}; // nick prefix: a server keeps dropped nicks reserved for 120 s

    Phase m_phase = Phase::Connecting;
    int m_nextConnect = 0;
    int m_inFlight = 0;
    int m_joined = 0;
    int m_failed = 0;
    int m_closedByServer = 0;
    int m_closed1008 = 0;
    uint64_t m_t0 = 0, m_connectEnd = 0, m_idleEnd = 0, m_warmEnd = 0, m_measureEnd = 0,
             m_drainEnd = 0, m_deadline = 0;
    double m_cpuMeasureStart = 0, m_cpuMeasureEnd = 0;
    ProcSample m_baseline, m_idleSample, m_measureStartProc, m_measureEndProc, m_final;
    long m_maxRssKb = -1;
    uint64_t m_nextProcSample = 0;
    bool m_timedOut = false;
    std::string m_firstError;

    Histogram m_joinHist; // connect() -> joined, per connection
    Histogram m_latency;  // say stamped -> copy received, per recipient
    uint64_t m_deliveredInWindow = 0;
    uint64_t m_delivered = 0;
    uint64_t m_duplicates = 0;
    uint64_t m_reordered = 0;
    uint64_t m_framesIn = 0, m_bytesIn = 0, m_presence = 0, m_errors = 0, m_otherFrames = 0;
    uint64_t m_expectedTotal = 0;
    // received[s][c]: bitset over n (exact loss/duplicate accounting); last[s][c]: highest n
    std::vector<std::vector<std::vector<uint64_t>>> m_seen;
    std::vector<std::vector<int64_t>> m_last;

    bool m_poll = false;
    std::vector<PollState> m_polls;
    uint64_t m_bytesOut = 0;
    uint64_t m_bytesInAtMeasure = 0, m_bytesOutAtMeasure = 0;
    uint64_t m_requests = 0, m_requestsInWindow = 0, m_responses = 0, m_emptyResponses = 0;
    uint64_t m_responsesAtMeasure = 0, m_emptyAtMeasure = 0, m_httpErrors = 0, m_resent = 0;
    uint64_t m_tcpConnects = 0; // HTTP connections opened (polls)
};

void Bench::markDirty(int i)
{
    Conn &c = m_conns[i];
    if (!c.dirty) {
        c.dirty = true;
        m_dirty.push_back(i);
    }
}

void Bench::updateEpoll(int i, bool wantOut)
{
    Conn &c = m_conns[i];
    if (c.fd < 0 || c.epollOut == wantOut)
        return;
    epoll_event ev {};
    ev.events = (c.stalled ? 0u : static_cast<uint32_t>(EPOLLIN)) | (wantOut ? EPOLLOUT : 0u);
    ev.data.u32 = static_cast<uint32_t>(i);
    epoll_ctl(m_ep, EPOLL_CTL_MOD, c.fd, &ev);
    c.epollOut = wantOut;
}

void Bench::startConnect(int i)
{
    Conn &c = m_conns[i];
    const size_t t = targetOf(i);
    c.fd = socket(m_addrs[t].ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        fail(i, "socket() failed");
        return;
    }
    int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    c.state = State::Connecting;
    if (c.startNs == 0)
        c.startNs = monoNs();
    ++m_inFlight;
    const int r = connect(c.fd, reinterpret_cast<sockaddr *>(&m_addrs[t]), m_addrLens[t]);
    if (r < 0 && errno != EINPROGRESS) {
        fail(i, "connect() failed");
        return;
    }
    epoll_event ev {};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u32 = static_cast<uint32_t>(i);
    epoll_ctl(m_ep, EPOLL_CTL_ADD, c.fd, &ev);
    c.epollOut = true;
}

void Bench::fail(int i, const char *why)
{
    Conn &c = m_conns[i];
    const bool wasSettingUp = c.state != State::Joined && c.state != State::Closed;
    if (m_firstError.empty())
        m_firstError = std::string(why) + " (" + std::strerror(errno) + ")";
    closeConn(i);
    if (wasSettingUp) {
        --m_inFlight;
        if (c.attempts < 3 && m_phase == Phase::Connecting) {
            ++c.attempts;
            c.state = State::Idle;
            startConnect(i); // retry at once: the failure was probably a transient backlog
            return;
        }
        ++m_failed;
    }
}

void Bench::closeConn(int i)
{
    Conn &c = m_conns[i];
    if (c.fd >= 0) {
        epoll_ctl(m_ep, EPOLL_CTL_DEL, c.fd, nullptr);
        close(c.fd);
        c.fd = -1;
    }
    c.state = State::Closed;
    c.out.clear();
    c.outPos = 0;
    c.in.clear();
}

void Bench::onEvent(int i, uint32_t ev)
{
    Conn &c = m_conns[i];
    if (c.fd < 0)
        return;
    if (c.state == State::Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            errno = err;
            fail(i, "connect failed");
            return;
        }
        if (!(ev & EPOLLOUT))
            return;
        c.state = State::Handshaking;
        unsigned char raw[16];
        for (int k = 0; k < 16; k += 4) {
            const uint32_t r = rnd();
            std::memcpy(raw + k, &r, 4);
        }
        const QByteArray b64 = QByteArray(reinterpret_cast<char *>(raw), 16).toBase64();
        std::memcpy(c.key, b64.constData(), 24);
        char req[512];
        const Target &target = m_o.targets[targetOf(i)];
        const int n = std::snprintf(
            req, sizeof req,
            "GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n"
            "Sec-WebSocket-Protocol: duplex.v1\r\nUser-Agent: duplex-bench\r\n\r\n",
            target.path.c_str(), target.host == "::1" ? "[::1]" : target.host.c_str(), target.port,
            c.key);
        c.out.append(req, static_cast<size_t>(n));
        flush(i);
        return;
    }
    if (ev & EPOLLOUT)
        onWritable(i);
    if (c.fd >= 0 && (ev & (EPOLLIN | EPOLLHUP | EPOLLERR)))
        onReadable(i);
}

void Bench::onWritable(int i)
{
    flush(i);
}

void Bench::flush(int i)
{
    Conn &c = m_conns[i];
    c.dirty = false;
    if (c.fd < 0)
        return;
    while (c.outPos < c.out.size()) {
        const ssize_t w
            = send(c.fd, c.out.data() + c.outPos, c.out.size() - c.outPos, MSG_NOSIGNAL);
        if (w > 0) {
            c.outPos += static_cast<size_t>(w);
            m_bytesOut += static_cast<uint64_t>(w);
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            updateEpoll(i, true);
            return;
        }
        fail(i, "send failed");
        return;
    }
    c.out.clear();
    c.outPos = 0;
    updateEpoll(i, false);
}

void Bench::flushAll()
{
    // Index loop: flush() may not append, but fail() can retry and mark nothing dirty.
    for (size_t k = 0; k < m_dirty.size(); ++k)
        flush(m_dirty[k]);
    m_dirty.clear();
}

void Bench::onReadable(int i)
{
    for (int rounds = 0; rounds < 4; ++rounds) {
        Conn &c = m_conns[i];
        if (c.fd < 0 || c.stalled)
            return;
        // Carry-over (an incomplete frame) goes first, then fresh bytes, in one buffer.
        size_t have = c.in.size();
        if (have + 65536 > m_readBuf.size())
            m_readBuf.resize(have + 256 * 1024);
        if (have)
            std::memcpy(m_readBuf.data(), c.in.data(), have);
        const ssize_t r = recv(c.fd, m_readBuf.data() + have, m_readBuf.size() - have, 0);
        if (r == 0) {
            if (c.state == State::Joined || c.state == State::WaitJoined
                || c.state == State::WaitWelcome)
                ++m_closedByServer;
            errno = ECONNRESET;
            fail(i, "server closed the connection");
            return;
        }
        if (r < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                return;
            fail(i, "recv failed");
            return;
        }
        m_bytesIn += static_cast<uint64_t>(r);
        const size_t total = have + static_cast<size_t>(r);
        if (!processInput(i, m_readBuf.data(), total))
            return;
        if (static_cast<size_t>(r) < m_readBuf.size() - have)
            return; // drained the socket
    }
}

bool Bench::onHandshake(int i, const char *data, size_t len, size_t *consumed)
{
    Conn &c = m_conns[i];
    const std::string_view view(data, len);
    const auto end = view.find("\r\n\r\n");
    if (end == std::string_view::npos) {
        if (len > 8192) {
            fail(i, "handshake response too large");
            return false;
        }
        *consumed = 0;
        return true;
    }
    const std::string_view head = view.substr(0, end);
    if (head.rfind("HTTP/1.1 101", 0) != 0) {
        errno = EPROTO;
        fail(i, "handshake refused (no 101)");
        return false;
    }
    QByteArray accept
        = QCryptographicHash::hash(QByteArray(c.key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                   QCryptographicHash::Sha1)
              .toBase64();
    // Header names are case-insensitive: look for the value, it is unique enough.
    if (head.find(std::string_view(accept.constData(), static_cast<size_t>(accept.size())))
        == std::string_view::npos) {
        errno = EPROTO;
        fail(i, "bad Sec-WebSocket-Accept");
        return false;
    }
    *consumed = end + 4;
    c.state = State::WaitWelcome;
    sendHello(i);
    return true;
}

void Bench::sendHello(int i)
{
    char buf[128];
    const int n = std::snprintf(
        buf, sizeof buf, "{\"type\":\"hello\",\"nick\":\"b%s_%d\",\"agent\":\"duplex-bench\"}",
        m_runTag, i);
    if (m_poll)
        queueMessage(i, buf, static_cast<size_t>(n));
    else
        sendFrame(i, 0x1, buf, static_cast<size_t>(n));
}

void Bench::sendJoin(int i)
{
    char buf[128];
    const int n
        = std::snprintf(buf, sizeof buf, "{\"type\":\"join\",\"room\":\"%s\"}", m_o.room.c_str());
    if (m_poll)
        queueMessage(i, buf, static_cast<size_t>(n));
    else
        sendFrame(i, 0x1, buf, static_cast<size_t>(n));
}

void Bench::sendFrame(int i, uint8_t opcode, const char *payload, size_t n)
{
    Conn &c = m_conns[i];
    char hdr[14];
    size_t h = 0;
    hdr[h++] = static_cast<char>(0x80 | opcode);
    if (n < 126) {
        hdr[h++] = static_cast<char>(0x80 | n);
    } else if (n < 65536) {
        hdr[h++] = static_cast<char>(0x80 | 126);
        hdr[h++] = static_cast<char>(n >> 8);
        hdr[h++] = static_cast<char>(n & 0xff);
    } else {
        hdr[h++] = static_cast<char>(0x80 | 127);
        for (int k = 7; k >= 0; --k)
            hdr[h++] = static_cast<char>((static_cast<uint64_t>(n) >> (8 * k)) & 0xff);
    }
    const uint32_t mask = rnd();
    char m[4];
    std::memcpy(m, &mask, 4);
    std::memcpy(hdr + h, m, 4);
    h += 4;
    const size_t at = c.out.size();
    c.out.append(hdr, h);
    c.out.append(payload, n);
    char *p = c.out.data() + at + h;
    for (size_t k = 0; k < n; ++k)
        p[k] ^= m[k & 3];
    markDirty(i);
}

bool Bench::processInput(int i, const char *data, size_t len)
{
    size_t pos = 0;
    Conn *c = &m_conns[i];
    if (c->state == State::Handshaking) {
        size_t consumed = 0;
        if (!onHandshake(i, data, len, &consumed))
            return false;
        if (consumed == 0) {
            c->in.assign(data, len);
            return true;
        }
        pos = consumed;
    }
    while (pos + 2 <= len) {
        const auto *u = reinterpret_cast<const unsigned char *>(data + pos);
        const bool fin = u[0] & 0x80;
        const uint8_t op = u[0] & 0x0f;
        const bool masked = u[1] & 0x80;
        uint64_t plen = u[1] & 0x7f;
        size_t h = 2;
        if (plen == 126) {
            if (pos + 4 > len)
                break;
            plen = (uint64_t(u[2]) << 8) | u[3];
            h = 4;
        } else if (plen == 127) {
            if (pos + 10 > len)
                break;
            plen = 0;
            for (int k = 0; k < 8; ++k)
                plen = (plen << 8) | u[2 + k];
            h = 10;
        }
        if (masked)
            h += 4; // servers must not mask, but tolerate it below
        if (plen > (64u << 20)) {
            errno = EMSGSIZE;
            fail(i, "frame over 64 MiB");
            return false;
        }
        if (pos + h + plen > len)
            break;
        char *payload = const_cast<char *>(data) + pos + h;
        if (masked) {
            const char *mk = data + pos + h - 4;
            for (uint64_t k = 0; k < plen; ++k)
                payload[k] ^= mk[k & 3];
        }
        ++m_framesIn;
        const size_t n = static_cast<size_t>(plen);
        switch (op) {
        case 0x1:
            if (fin) {
                onFrameText(i, payload, n);
            } else {
                c->fragText = true;
                c->frag.assign(payload, n);
            }
            break;
        case 0x0:
            if (c->fragText) {
                c->frag.append(payload, n);
                if (fin) {
                    c->fragText = false;
                    onFrameText(i, c->frag.data(), c->frag.size());
                    c->frag.clear();
                }
            }
            break;
        case 0x2: ++m_otherFrames; break;
        case 0x8: {
            c->closeCode = n >= 2
                ? static_cast<uint16_t>((uint8_t(payload[0]) << 8) | uint8_t(payload[1]))
                : 1005;
            if (c->closeCode == 1008)
                ++m_closed1008;
            ++m_closedByServer;
            if (m_firstError.empty())
                m_firstError = "server closed a connection with code "
                    + std::to_string(c->closeCode)
                    + (n > 2 ? " (" + std::string(payload + 2, n - 2) + ")" : std::string());
            const bool settingUp = c->state != State::Joined;
            sendFrame(i, 0x8, payload, n >= 2 ? 2 : 0);
            flush(i);
            closeConn(i);
            if (settingUp) {
                --m_inFlight;
                ++m_failed;
            }
            return false;
        }
        case 0x9: sendFrame(i, 0xA, payload, n); break;
        default: ++m_otherFrames; break;
        }
        c = &m_conns[i];
        if (c->fd < 0)
            return false;
        pos += h + n;
    }
    if (pos < len)
        c->in.assign(data + pos, len - pos);
    else
        c->in.clear();
    return true;
}

// Finds "key":"value" (compact JSON, any key order) and returns the value's bytes.
std::string_view stringField(const char *p, size_t n, std::string_view quotedKey)
{
    const std::string_view s(p, n);
    size_t at = 0;
    while ((at = s.find(quotedKey, at)) != std::string_view::npos) {
        size_t v = at + quotedKey.size();
        while (v < n && (s[v] == ' ' || s[v] == ':'))
            ++v;
        if (v < n && s[v] == '"') {
            const size_t end = s.find('"', v + 1);
            if (end == std::string_view::npos)
                return {};
            return s.substr(v + 1, end - v - 1);
        }
        at = v;
    }
    return {};
}

bool parseU64(std::string_view &s, uint64_t *out)
{
    uint64_t v = 0;
    size_t k = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9')
        v = v * 10 + static_cast<uint64_t>(s[k++] - '0');
    if (k == 0)
        return false;
    *out = v;
    s.remove_prefix(k);
    return true;
}

void Bench::onFrameText(int i, const char *p, size_t n)
{
    Conn &c = m_conns[i];
    const std::string_view type = stringField(p, n, "\"type\"");
    if (type == "message") {
        std::string_view text = stringField(p, n, "\"text\"");
        if (text.size() >= 2 && text[0] == 'w' && text[1] == ':') {
            // A warm-up copy: not in the latency/loss accounting, but a delivery all the same
            // (an overloaded server may still be draining warm-up traffic in the window).
            if (m_phase == Phase::Measure && !c.stalled)
                ++m_deliveredInWindow;
            return;
        }
        if (text.size() < 2 || text[0] != 'b' || text[1] != ':')
            return; // foreign traffic
        text.remove_prefix(2);
        uint64_t s = 0, seqN = 0, ns = 0;
        if (!parseU64(text, &s) || text.empty() || text[0] != ':')
            return;
        text.remove_prefix(1);
        if (!parseU64(text, &seqN) || text.empty() || text[0] != ':')
            return;
        text.remove_prefix(1);
        if (!parseU64(text, &ns) || s >= m_senders.size() || c.stalled)
            return;
        const uint64_t now = monoNs();
        auto &bits = m_seen[s][i];
        const size_t word = seqN >> 6;
        if (word >= bits.size())
            bits.resize(word * 2 + 16, 0);
        const uint64_t bit = 1ull << (seqN & 63);
        if (bits[word] & bit) {
            ++m_duplicates;
            return;
        }
        bits[word] |= bit;
        int64_t &last = m_last[s][i];
        if (static_cast<int64_t>(seqN) < last)
            ++m_reordered;
        else
            last = static_cast<int64_t>(seqN);
        ++m_delivered;
        if (m_phase == Phase::Measure)
            ++m_deliveredInWindow;
        m_latency.record(now > ns ? (now - ns) / 1000 : 0);
        return;
    }
    if (type == "presence") {
        ++m_presence;
        return;
    }
    if (type == "welcome") {
        if (c.state == State::WaitWelcome) {
            c.state = State::WaitJoined;
            if (m_o.room != "general")
                sendJoin(i);
        }
        return;
    }
    if (type == "joined") {
        if (c.state == State::WaitJoined && stringField(p, n, "\"room\"") == m_o.room) {
            c.state = State::Joined;
            --m_inFlight;
            ++m_joined;
            m_joinHist.record((monoNs() - c.startNs) / 1000);
        }
        return;
    }
    if (type == "error") {
        ++m_errors;
        if (m_firstError.empty())
            m_firstError = "server error: " + std::string(p, n);
        return;
    }
    ++m_otherFrames;
}

// --- Polling transport -----------------------------------------------------------------

void Bench::queueMessage(int i, const char *json, size_t n)
{
    std::string &q = m_polls[static_cast<size_t>(i)].queue;
    if (!q.empty())
        q += ',';
    q.append(json, n);
}

void Bench::startPollClient(int i)
{
    Conn &c = m_conns[static_cast<size_t>(i)];
    c.state = State::WaitWelcome;
    if (c.startNs == 0)
        c.startNs = monoNs();
    ++m_inFlight;
    sendHello(i); // queued: the first poll carries it
    // The hello's answer brings welcome, joined, history (at once: the mailbox is not
    // empty). A long poller says so from its first request, so the server counts it there.
    startHttp(i, 0, m_o.transport == 2 ? 1000 : 0);
}

/// A whole HTTP response (head and Content-Length bytes of body) is in `in`.
static bool responseComplete(const std::string &in)
{
    const auto end = in.find("\r\n\r\n");
    if (end == std::string::npos)
        return false;
    const auto at = in.find("\r\nContent-Length: ");
    if (at == std::string::npos || at > end)
        return true; // none (a 204 or 304): the head is all
    const size_t length = std::strtoull(in.c_str() + at + 18, nullptr, 10);
    return in.size() >= end + 4 + length;
}

void Bench::closeSlot(HttpSlot &h)
{
    if (h.fd >= 0) {
        epoll_ctl(m_ep, EPOLL_CTL_DEL, h.fd, nullptr);
        // The server has closed its end (we read to EOF): an abortive close leaves no
        // TIME_WAIT behind on either end, thousands of polls would otherwise pile them up.
        linger lg {1, 0};
        setsockopt(h.fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        close(h.fd);
        h.fd = -1;
    }
    h.out.clear();
    h.outPos = 0;
    h.in.clear();
    h.connecting = false;
    h.busy = false;
}

void Bench::startHttp(int i, int slot, int waitMs)
{
    PollState &p = m_polls[static_cast<size_t>(i)];
    HttpSlot &h = p.slot[slot];
    std::string body = "{";
    if (!p.session.empty())
        body += "\"session\":\"" + p.session + "\",";
    if (!p.queue.empty()) {
        body += "\"send\":[" + p.queue + "],";
        p.queue.clear();
    }
    body += "\"ack\":" + std::to_string(p.highest) + ",\"wait\":" + std::to_string(waitMs) + "}";
    char head[256];
    const size_t t = targetOf(i);
    const Target &target = m_o.targets[t];
    const int n = std::snprintf(head, sizeof head,
                                "POST /v1/poll HTTP/1.1\r\nHost: %s:%d\r\n"
                                "Content-Type: application/json\r\nContent-Length: %zu\r\n%s\r\n",
                                target.host == "::1" ? "[::1]" : target.host.c_str(), target.port,
                                body.size(), m_o.keepAlive ? "" : "Connection: close\r\n");
    h.out.assign(head, static_cast<size_t>(n));
    h.out += body;
    h.outPos = 0;
    h.in.clear();
    h.startNs = monoNs();
    h.busy = true;
    if (h.fd >= 0) {
        // Kept alive: the next request on the same connection.
        ++m_requests;
        if (m_phase == Phase::Measure)
            ++m_requestsInWindow;
        epoll_event ev {};
        ev.events = EPOLLIN | EPOLLOUT;
        ev.data.u32 = (static_cast<uint32_t>(i) << 1) | static_cast<uint32_t>(slot);
        epoll_ctl(m_ep, EPOLL_CTL_MOD, h.fd, &ev);
        return;
    }
    openHttp(i, slot);
}

void Bench::redo(int i, int slot, std::string out)
{
    HttpSlot &h = m_polls[static_cast<size_t>(i)].slot[slot];
    h.out = std::move(out);
    h.outPos = 0;
    h.in.clear();
    h.busy = true;
    openHttp(i, slot);
}

void Bench::openHttp(int i, int slot)
{
    HttpSlot &h = m_polls[static_cast<size_t>(i)].slot[slot];
    ++m_tcpConnects;
    const size_t t = targetOf(i);
    h.fd = socket(m_addrs[t].ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (h.fd < 0) {
        httpFail(i, slot, "socket() failed");
        return;
    }
    int one = 1;
    setsockopt(h.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ++m_requests;
    if (m_phase == Phase::Measure)
        ++m_requestsInWindow;
    const int r = connect(h.fd, reinterpret_cast<sockaddr *>(&m_addrs[t]), m_addrLens[t]);
    if (r < 0 && errno != EINPROGRESS) {
        httpFail(i, slot, "connect() failed");
        return;
    }
    h.connecting = true;
    epoll_event ev {};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u32 = (static_cast<uint32_t>(i) << 1) | static_cast<uint32_t>(slot);
    epoll_ctl(m_ep, EPOLL_CTL_ADD, h.fd, &ev);
}

void Bench::httpFail(int i, int slot, const char *why)
{
    ++m_httpErrors;
    if (m_firstError.empty())
        m_firstError = std::string(why) + " (" + std::strerror(errno) + ")";
    PollState &p = m_polls[static_cast<size_t>(i)];
    closeSlot(p.slot[slot]);
    Conn &c = m_conns[static_cast<size_t>(i)];
    if (c.state != State::Joined && c.state != State::Closed) {
        c.state = State::Closed;
        --m_inFlight;
        ++m_failed;
        return;
    }
    p.nextPollNs = monoNs() + static_cast<uint64_t>(m_o.pollIntervalMs) * 1000000ull;
}

void Bench::onPollEvent(uint32_t tag, uint32_t ev)
{
    const int i = static_cast<int>(tag >> 1);
    const int slot = static_cast<int>(tag & 1);
    HttpSlot &h = m_polls[static_cast<size_t>(i)].slot[slot];
    if (h.fd < 0)
        return;
    if (!h.busy) {
        // Kept alive and idle: the server closing it (its idle timeout) is all that comes.
        char b[64];
        const ssize_t r = recv(h.fd, b, sizeof b, 0);
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        closeSlot(h); // EOF, an error, or bytes nobody asked for
        return;
    }
    if (h.connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(h.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            errno = err;
            httpFail(i, slot, "connect failed");
            return;
        }
        if (!(ev & EPOLLOUT))
            return;
        h.connecting = false;
    }
    if (h.outPos < h.out.size() && (ev & EPOLLOUT)) {
        while (h.outPos < h.out.size()) {
            const ssize_t w
                = send(h.fd, h.out.data() + h.outPos, h.out.size() - h.outPos, MSG_NOSIGNAL);
            if (w > 0) {
                h.outPos += static_cast<size_t>(w);
                m_bytesOut += static_cast<uint64_t>(w);
                continue;
            }
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return;
            httpFail(i, slot, "send failed");
            return;
        }
        epoll_event e {};
        e.events = EPOLLIN;
        e.data.u32 = tag;
        epoll_ctl(m_ep, EPOLL_CTL_MOD, h.fd, &e);
    }
    if (!(ev & (EPOLLIN | EPOLLHUP | EPOLLERR)))
        return;
    for (;;) {
        const ssize_t r = recv(h.fd, m_readBuf.data(), m_readBuf.size(), 0);
        if (r > 0) {
            m_bytesIn += static_cast<uint64_t>(r);
            h.in.append(m_readBuf.data(), static_cast<size_t>(r));
            if (m_o.keepAlive && responseComplete(h.in)) {
                onHttpDone(i, slot);
                return;
            }
            continue;
        }
        if (r == 0) { // the server answered and closed (Connection: close)
            if (m_o.keepAlive && h.in.empty() && h.outPos == h.out.size()) {
                // Closed while idle as our request went out: send it again on a new one.
                std::string again = h.out;
                ::close(h.fd);
                h.fd = -1;
                --m_requests;
                if (m_phase == Phase::Measure)
                    --m_requestsInWindow;
                redo(i, slot, std::move(again));
                return;
            }
            onHttpDone(i, slot);
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        httpFail(i, slot, "recv failed");
        return;
    }
}

void Bench::onHttpDone(int i, int slot)
{
    PollState &p = m_polls[static_cast<size_t>(i)];
    HttpSlot &h = p.slot[slot];
    const auto headEnd = h.in.find("\r\n\r\n");
    int status = 0;
    if (h.in.rfind("HTTP/1.1 ", 0) == 0)
        status = std::atoi(h.in.c_str() + 9);
    if (headEnd == std::string::npos || status != 200) {
        errno = EPROTO;
        if (m_firstError.empty())
            m_firstError = "poll answered " + std::to_string(status) + ": "
                + h.in.substr(0, std::min<size_t>(h.in.size(), 300));
        httpFail(i, slot, "poll not answered with 200");
        return;
    }
    ++m_responses;
    const QJsonObject o
        = QJsonDocument::fromJson(
              QByteArray::fromRawData(h.in.data() + headEnd + 4,
                                      static_cast<qsizetype>(h.in.size() - headEnd - 4)))
              .object();
    const bool keep = m_o.keepAlive && h.fd >= 0
        && h.in.substr(0, headEnd).find("\r\nConnection: close") == std::string::npos;
    if (keep) {
        // Idle until the next poll; EPOLLIN now only tells of the server closing it.
        h.busy = false;
        h.in.clear();
        h.out.clear();
        h.outPos = 0;
        epoll_event e {};
        e.events = EPOLLIN;
        e.data.u32 = (static_cast<uint32_t>(i) << 1) | static_cast<uint32_t>(slot);
        epoll_ctl(m_ep, EPOLL_CTL_MOD, h.fd, &e);
    } else {
        closeSlot(h);
    }
    if (const QString s = o.value(QLatin1String("session")).toString(); !s.isEmpty())
        p.session = s.toStdString();
    const QJsonArray messages = o.value(QLatin1String("messages")).toArray();
    if (messages.isEmpty())
        ++m_emptyResponses;
    for (const QJsonValue &v : messages) {
        const QJsonObject entry = v.toObject();
        const int64_t n = entry.value(QLatin1String("n")).toInteger();
        if (n <= p.highest) {
            ++m_resent; // already had it: an answer repeating what was not acknowledged yet
            continue;
        }
        p.highest = n;
        const QByteArray m = QJsonDocument(entry.value(QLatin1String("m")).toObject())
                                 .toJson(QJsonDocument::Compact);
        ++m_framesIn;
        onFrameText(i, m.constData(), static_cast<size_t>(m.size()));
    }
    if (slot != 0)
        return;
    // When the receiving poll is due again.
    const uint64_t now = monoNs();
    const Conn &c = m_conns[static_cast<size_t>(i)];
    if (c.state != State::Joined || m_o.transport == 2) {
        p.nextPollNs = now; // setting up, or a long poll: at once
    } else {
        // Short polls on a fixed clock (like setInterval), client i at phase i/N of the
        // interval: the class's polls are spread evenly, so the latency spread does not
        // depend on how N random phases happened to fall, and no client drifts.
        const uint64_t period = static_cast<uint64_t>(m_o.pollIntervalMs) * 1000000ull;
        if (!p.phased) {
            p.phased = true;
            p.nextPollNs = m_t0 + period * static_cast<uint64_t>(i) / m_polls.size();
        }
        while (p.nextPollNs <= now)
            p.nextPollNs += period; // a poll still running at its next tick skips that tick
    }
}

void Bench::pollTick(uint64_t now)
{
    for (size_t k = 0; k < m_polls.size(); ++k) {
        const Conn &c = m_conns[k];
        if (c.state == State::Closed || c.state == State::Idle || c.stalled)
            continue;
        PollState &p = m_polls[k];
        const int i = static_cast<int>(k);
        if (!p.queue.empty() && !p.session.empty() && !p.slot[1].busy)
            startHttp(i, 1, 0); // send at once, in a short poll
        if (!p.slot[0].busy && now >= p.nextPollNs)
            startHttp(i, 0, c.state != State::Joined ? 1000 : m_o.transport == 2 ? 20000 : 0);
    }
}

void Bench::sendSays(uint64_t now)
{
    if (m_o.rate <= 0)
        return;
    const uint64_t interval = static_cast<uint64_t>(1e9 / m_o.rate);
    const bool warm = m_phase == Phase::Warmup;
    char buf[200];
    for (size_t s = 0; s < m_senders.size(); ++s) {
        Sender &snd = m_senders[s];
        int burst = 0;
        while (snd.nextNs <= now && burst++ < 1000) {
            snd.nextNs += interval;
            Conn &c = m_conns[snd.conn];
            if ((!m_poll && c.fd < 0) || c.state != State::Joined)
                continue;
            // Keep offering load but never pile up an unbounded queue in the generator.
            if (c.out.size() - c.outPos > 256 * 1024) {
                ++snd.skipped;
                continue;
            }
            const uint64_t n = warm ? snd.warmSent++ : snd.sent++;
            const uint64_t stamp = monoNs();
            const int len = std::snprintf(
                buf, sizeof buf,
                "{\"type\":\"say\",\"room\":\"%s\",\"id\":\"%c%zu.%" PRIu64
                "\",\"text\":\"%c:%zu:%" PRIu64 ":%" PRIu64 "\"}",
                m_o.room.c_str(), warm ? 'w' : 'm', s, n, warm ? 'w' : 'b', s, n, stamp);
            if (m_poll)
                queueMessage(snd.conn, buf, static_cast<size_t>(len));
            else
                sendFrame(snd.conn, 0x1, buf, static_cast<size_t>(len));
        }
        if (snd.nextNs + interval < now)
            snd.nextNs = now; // a stall longer than the burst cap: do not catch up forever
    }
}

int Bench::run()
{
    // Many connections from one process: raise the descriptor limit to the hard limit.
    rlimit rl {};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur != RLIM_INFINITY && static_cast<rlim_t>(m_o.clients) + 32 > rl.rlim_cur) {
        std::fprintf(stderr, "duplex-bench: %d clients need more descriptors than the limit %llu\n",
                     m_o.clients, static_cast<unsigned long long>(rl.rlim_cur));
        return 2;
    }
    for (const Target &target : m_o.targets) {
        sockaddr_storage addr {};
        socklen_t len = 0;
        if (target.host == "::1") {
            auto *a = reinterpret_cast<sockaddr_in6 *>(&addr);
            a->sin6_family = AF_INET6;
            a->sin6_port = htons(static_cast<uint16_t>(target.port));
            inet_pton(AF_INET6, "::1", &a->sin6_addr);
            len = sizeof(sockaddr_in6);
        } else {
            auto *a = reinterpret_cast<sockaddr_in *>(&addr);
            a->sin_family = AF_INET;
            a->sin_port = htons(static_cast<uint16_t>(target.port));
            inet_pton(AF_INET, "127.0.0.1", &a->sin_addr);
            len = sizeof(sockaddr_in);
        }
        m_addrs.push_back(addr);
        m_addrLens.push_back(len);
    }
    m_rng ^= monoNs();
    for (int k = 0; k < 4; ++k)
        m_runTag[k] = "abcdefghijklmnopqrstuvwxyz0123456789"[rnd() % 36];
    m_ep = epoll_create1(EPOLL_CLOEXEC);
    m_conns.resize(static_cast<size_t>(m_o.clients));
    m_senders.resize(static_cast<size_t>(m_o.senders));
    for (int s = 0; s < m_o.senders; ++s)
        m_senders[static_cast<size_t>(s)].conn = s;
    m_seen.assign(m_senders.size(), std::vector<std::vector<uint64_t>>(m_conns.size()));
    m_last.assign(m_senders.size(), std::vector<int64_t>(m_conns.size(), -1));
    m_dirty.reserve(m_conns.size());
    m_poll = m_o.transport != 0;
    if (m_poll)
        m_polls.resize(m_conns.size());

    m_baseline = sampleProc(m_o.pid);
    m_t0 = monoNs();
    m_deadline = m_t0 + static_cast<uint64_t>(m_o.timeout * 1e9);
    std::vector<epoll_event> events(4096);
    uint64_t lastProgress = m_t0;

    while (m_phase != Phase::Done) {
        uint64_t now = monoNs();
        if (now >= m_deadline) {
            m_timedOut = true;
            break;
        }
        // Phase machine
        if (m_phase == Phase::Connecting) {
            while (m_inFlight < m_o.concurrency && m_nextConnect < m_o.clients)
                m_poll ? startPollClient(m_nextConnect++) : startConnect(m_nextConnect++);
            if (m_joined + m_failed >= m_o.clients) {
                m_connectEnd = now;
                m_idleEnd = now + static_cast<uint64_t>(m_o.idle * 1e9);
                m_phase = Phase::Idle;
            }
        }
        if (m_phase == Phase::Idle && now >= m_idleEnd) {
            m_idleSample = sampleProc(m_o.pid);
            for (int k = 0; k < m_o.stall; ++k) {
                const int i = m_o.clients - 1 - k;
                Conn &c = m_conns[static_cast<size_t>(i)];
                c.stalled = true; // polling: it stops polling (pollTick skips it)
                if (c.fd >= 0) {
                    epoll_event ev {};
                    ev.events = c.epollOut ? EPOLLOUT : 0u;
                    ev.data.u32 = static_cast<uint32_t>(i);
                    epoll_ctl(m_ep, EPOLL_CTL_MOD, c.fd, &ev);
                }
            }
            if (m_o.senders == 0 || m_o.duration <= 0) {
                m_phase = Phase::Done;
                break;
            }
            startSenders(now);
            m_warmEnd = now + static_cast<uint64_t>(m_o.warmup * 1e9);
            m_phase = m_o.warmup > 0 ? Phase::Warmup : Phase::Measure;
            if (m_phase == Phase::Measure) {
                m_warmEnd = now;
                m_measureEnd = now + static_cast<uint64_t>(m_o.duration * 1e9);
                m_cpuMeasureStart = cpuSeconds();
                m_measureStartProc = sampleProc(m_o.pid);
                m_bytesInAtMeasure = m_bytesIn;
                m_bytesOutAtMeasure = m_bytesOut;
                m_responsesAtMeasure = m_responses;
                m_emptyAtMeasure = m_emptyResponses;
            }
        }
        if (m_phase == Phase::Warmup && now >= m_warmEnd) {
            m_phase = Phase::Measure;
            m_measureEnd = now + static_cast<uint64_t>(m_o.duration * 1e9);
            m_cpuMeasureStart = cpuSeconds();
            m_measureStartProc = sampleProc(m_o.pid);
            m_bytesInAtMeasure = m_bytesIn;
            m_bytesOutAtMeasure = m_bytesOut;
            m_responsesAtMeasure = m_responses;
            m_emptyAtMeasure = m_emptyResponses;
            startSenders(now);
        }
        if (m_phase == Phase::Measure && now >= m_measureEnd) {
            m_cpuMeasureEnd = cpuSeconds();
            m_measureEndProc = sampleProc(m_o.pid);
            m_phase = Phase::Drain;
            m_drainEnd = now + static_cast<uint64_t>(m_o.drain * 1e9);
            uint64_t sent = 0;
            for (const auto &s : m_senders)
                sent += s.sent;
            int receivers = 0;
            for (const auto &c : m_conns)
                receivers += receiving(c) ? 1 : 0;
            m_expectedTotal = sent * static_cast<uint64_t>(receivers);
        }
        if (m_phase == Phase::Drain && (now >= m_drainEnd || m_delivered >= m_expectedTotal)) {
            m_phase = Phase::Done;
            break;
        }
        if (m_phase == Phase::Warmup || m_phase == Phase::Measure)
            sendSays(now);
        if (m_poll)
            pollTick(now);
        if (m_o.pid > 0 && now >= m_nextProcSample) {
            const ProcSample p = sampleProc(m_o.pid);
            if (p.rssKb > m_maxRssKb)
                m_maxRssKb = p.rssKb;
            m_nextProcSample = now + 200000000ull;
        }
        if (!m_o.quiet && now - lastProgress > 1000000000ull) {
            lastProgress = now;
            std::fprintf(stderr, "[%5.1fs] joined %d/%d failed %d delivered %" PRIu64 "\n",
                         double(now - m_t0) / 1e9, m_joined, m_o.clients, m_failed, m_delivered);
        }
        flushAll();

        int timeoutMs = 100;
        if (m_phase == Phase::Warmup || m_phase == Phase::Measure)
            timeoutMs = 1;
        else if (m_phase == Phase::Connecting && m_nextConnect < m_o.clients
                 && m_inFlight < m_o.concurrency)
            timeoutMs = 0;
        if (m_poll && timeoutMs > 2)
            timeoutMs = 2; // short polls are due on a clock

        const int n = epoll_wait(m_ep, events.data(), static_cast<int>(events.size()), timeoutMs);
        if (m_poll) {
            for (int k = 0; k < n; ++k)
                onPollEvent(events[static_cast<size_t>(k)].data.u32,
                            events[static_cast<size_t>(k)].events);
        } else {
            for (int k = 0; k < n; ++k)
                onEvent(static_cast<int>(events[static_cast<size_t>(k)].data.u32),
                        events[static_cast<size_t>(k)].events);
        }
        flushAll();
    }
    if (m_cpuMeasureEnd == 0 && m_cpuMeasureStart != 0) {
        m_cpuMeasureEnd = cpuSeconds();
        m_measureEndProc = sampleProc(m_o.pid);
    }
    m_final = sampleProc(m_o.pid);
    if (m_final.rssKb > m_maxRssKb)
        m_maxRssKb = m_final.rssKb;
    report();
    // Abortive close (RST): thousands of clean closes would leave TIME_WAIT entries that
    // exhaust loopback ports across repeated runs.
    linger lg {1, 0};
    for (auto &c : m_conns) {
        if (c.fd >= 0) {
            setsockopt(c.fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
            close(c.fd);
            c.fd = -1;
        }
    }
    for (auto &p : m_polls) {
        for (auto &h : p.slot) {
            if (h.fd >= 0) {
                setsockopt(h.fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
                close(h.fd);
                h.fd = -1;
            }
        }
    }
    close(m_ep);
    if (m_timedOut)
        return 3;
    return 0;
}

void Bench::report()
{
    const double connectS
        = m_connectEnd ? double(m_connectEnd - m_t0) / 1e9 : double(monoNs() - m_t0) / 1e9;
    const double connectsPerS = connectS > 0 ? m_joined / connectS : 0;
    uint64_t sent = 0, skipped = 0;
    for (const auto &s : m_senders) {
        sent += s.sent;
        skipped += s.skipped;
    }
    // Loss: every measured message should reach every receiver still connected.
    uint64_t lost = 0;
    int receivers = 0;
    for (size_t i = 0; i < m_conns.size(); ++i) {
        const Conn &c = m_conns[i];
        if (!receiving(c))
            continue;
        ++receivers;
        for (size_t s = 0; s < m_senders.size(); ++s) {
            uint64_t got = 0;
            for (uint64_t w : m_seen[s][i])
                got += static_cast<uint64_t>(__builtin_popcountll(w));
            if (got < m_senders[s].sent)
                lost += m_senders[s].sent - got;
        }
    }
    const double dur = m_o.duration;
    const double deliveredPerS
        = m_phase >= Phase::Drain || m_timedOut ? m_deliveredInWindow / dur : 0;
    const double benchCpu = m_cpuMeasureEnd > m_cpuMeasureStart && dur > 0
        ? (m_cpuMeasureEnd - m_cpuMeasureStart) / dur
        : 0;
    const double serverCpu
        = m_measureEndProc.cpuSec >= 0 && m_measureStartProc.cpuSec >= 0 && dur > 0
        ? (m_measureEndProc.cpuSec - m_measureStartProc.cpuSec) / dur
        : -1;
    const double rssPerConnKb = m_idleSample.rssKb >= 0 && m_baseline.rssKb >= 0 && m_joined > 0
        ? double(m_idleSample.rssKb - m_baseline.rssKb) / m_joined
        : -1;
    // -1 = no measured message arrived at all (e.g. an overloaded server still draining
    // its warm-up backlog): not a latency of zero.
    const bool haveLat = m_latency.count() > 0;
    const double p50 = haveLat ? m_latency.quantile(0.50) / 1000.0 : -1;
    const double p99 = haveLat ? m_latency.quantile(0.99) / 1000.0 : -1;
    const double maxMs = haveLat ? double(m_latency.max()) / 1000.0 : -1;
    const bool sending = m_o.senders > 0 && m_o.duration > 0;
    // On the wire from the start of the measured window to the end of the drain, both ways
    // (HTTP heads and bodies, or WebSocket frames), per measured message delivered.
    const uint64_t wireBytes
        = (m_bytesIn - m_bytesInAtMeasure) + (m_bytesOut - m_bytesOutAtMeasure);
    const double bytesPerMsg = m_delivered > 0 ? double(wireBytes) / double(m_delivered) : -1;
    const double requestsPerS = dur > 0 ? double(m_requestsInWindow) / dur : 0;
    const uint64_t responses = m_responses - m_responsesAtMeasure;
    const double emptyShare
        = responses > 0 ? double(m_emptyResponses - m_emptyAtMeasure) / double(responses) : 0;

    if (m_o.json) {
        std::printf(
            "{\"label\":\"%s\",\"clients\":%d,\"senders\":%d,\"rate\":%g,\"duration\":%g,"
            "\"stall\":%d,\"joined\":%d,\"failed\":%d,\"closed_by_server\":%d,\"closed_1008\":%d,"
            "\"connect_s\":%.3f,\"connects_per_s\":%.1f,"
            "\"join_p50_ms\":%.2f,\"join_p99_ms\":%.2f,"
            "\"sent\":%" PRIu64 ",\"send_skipped\":%" PRIu64 ",\"receivers\":%d,"
            "\"expected\":%" PRIu64 ",\"delivered\":%" PRIu64 ",\"delivered_per_s\":%.1f,"
            "\"offered_per_s\":%.1f,"
            "\"lat_p50_ms\":%.3f,\"lat_p99_ms\":%.3f,\"lat_max_ms\":%.3f,"
            "\"lost\":%" PRIu64 ",\"duplicated\":%" PRIu64 ",\"reordered\":%" PRIu64 ","
            "\"presence_frames\":%" PRIu64 ",\"error_frames\":%" PRIu64 ",\"frames_in\":%" PRIu64
            ","
            "\"server_rss_baseline_kb\":%ld,\"server_rss_idle_kb\":%ld,\"server_rss_max_kb\":%ld,"
            "\"server_rss_end_kb\":%ld,\"server_hwm_kb\":%ld,\"rss_per_conn_kb\":%.2f,"
            "\"server_cpu\":%.3f,\"bench_cpu\":%.2f,"
            "\"transport\":\"%s\",\"poll_interval_ms\":%d,\"requests\":%" PRIu64
            ",\"requests_per_s\":%.1f,\"empty_share\":%.3f,\"wire_bytes\":%" PRIu64
            ",\"bytes_per_msg\":%.1f,\"http_errors\":%" PRIu64 ",\"resent\":%" PRIu64
            ",\"keep_alive\":%s,\"tcp_connects\":%" PRIu64 ",\"timed_out\":%s,\"servers\":%zu}\n",
            m_o.label.c_str(), m_o.clients, m_o.senders, m_o.rate, m_o.duration, m_o.stall,
            m_joined, m_failed, m_closedByServer, m_closed1008, connectS, connectsPerS,
            m_joinHist.quantile(0.5) / 1000.0, m_joinHist.quantile(0.99) / 1000.0, sent, skipped,
            receivers, m_expectedTotal, m_delivered, deliveredPerS,
            dur > 0 ? double(sent) * receivers / dur : 0.0, p50, p99, maxMs, lost, m_duplicates,
            m_reordered, m_presence, m_errors, m_framesIn, m_baseline.rssKb, m_idleSample.rssKb,
            m_maxRssKb, m_final.rssKb, m_final.hwmKb, rssPerConnKb, serverCpu, benchCpu,
            transportName(m_o.transport), m_o.pollIntervalMs, m_requests, requestsPerS, emptyShare,
            wireBytes, bytesPerMsg, m_httpErrors, m_resent, m_o.keepAlive ? "true" : "false",
            m_tcpConnects, m_timedOut ? "true" : "false", m_o.targets.size());
    } else {
        std::printf("duplex-bench %s  ws://%s:%d%s  transport %s", m_o.label.c_str(),
                    m_o.host.c_str(), m_o.port, m_o.path.c_str(), transportName(m_o.transport));
        if (m_o.transport == 1)
            std::printf(" every %d ms", m_o.pollIntervalMs);
        if (m_o.targets.size() > 1)
            std::printf("  + %zu more server(s), clients round robin", m_o.targets.size() - 1);
        std::printf("\n");
        std::printf("  clients          %d joined, %d failed, %d closed by server (%d with 1008)\n",
                    m_joined, m_failed, m_closedByServer, m_closed1008);
        std::printf("  connect          %.3f s, %.0f connects/s (join p50 %.1f ms, p99 %.1f ms)\n",
                    connectS, connectsPerS, m_joinHist.quantile(0.5) / 1000.0,
                    m_joinHist.quantile(0.99) / 1000.0);
        std::printf("  presence frames  %" PRIu64 "\n", m_presence);
        if (sending) {
            std::printf("  sent             %" PRIu64 " says by %d senders at %g/s each (%" PRIu64
                        " skipped: sender backed up)\n",
                        sent, m_o.senders, m_o.rate, skipped);
            std::printf("  delivered        %" PRIu64 " of %" PRIu64
                        " expected; %.0f msgs/s in the %.1f s window (offered %.0f/s)\n",
                        m_delivered, m_expectedTotal, deliveredPerS, dur,
                        dur > 0 ? double(sent) * receivers / dur : 0.0);
            std::printf("  latency          p50 %.3f ms  p99 %.3f ms  max %.3f ms\n", p50, p99,
                        maxMs);
            std::printf("  lost             %" PRIu64
                        " (not received by the end of the drain)   duplicated %" PRIu64
                        "   reordered %" PRIu64 "\n",
                        lost, m_duplicates, m_reordered);
            std::printf("  cpu              server %.0f%%  bench %.0f%% of one core\n",
                        serverCpu * 100, benchCpu * 100);
            std::printf("  wire             %" PRIu64 " bytes both ways, %.0f per delivered message"
                        " (heads/framing included)\n",
                        wireBytes, bytesPerMsg);
            if (m_poll)
                std::printf("  polls            %.1f requests/s in the window (%" PRIu64
                            " in all), %.0f%% answered empty, %" PRIu64 " failed, %" PRIu64
                            " messages repeated (skipped by n)\n",
                            requestsPerS, m_requests, emptyShare * 100, m_httpErrors, m_resent);
            if (m_poll)
                std::printf(
                    "  http             %s, %" PRIu64 " TCP connections for %" PRIu64 " requests\n",
                    m_o.keepAlive ? "keep-alive" : "Connection: close", m_tcpConnects, m_requests);
        }
        if (m_o.pid > 0)
            std::printf("  server RSS       baseline %ld kB, idle %ld kB, max %ld kB, end %ld kB, "
                        "peak (VmHWM) %ld kB; %.2f kB per connection\n",
                        m_baseline.rssKb, m_idleSample.rssKb, m_maxRssKb, m_final.rssKb,
                        m_final.hwmKb, rssPerConnKb);
        if (m_errors)
            std::printf("  error frames     %" PRIu64 "\n", m_errors);
        if (!m_firstError.empty())
            std::printf("  first problem    %s\n", m_firstError.c_str());
        if (m_timedOut)
            std::printf("  TIMED OUT after %.0f s (--timeout)\n", m_o.timeout);
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    std::signal(SIGPIPE, SIG_IGN);
    Bench bench(parseArgs(argc, argv));
    return bench.run();
}
