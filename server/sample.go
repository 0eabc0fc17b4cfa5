package server

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/recq/recq/record"
	"github.com/recq/recq/timezone"
)

// SampleSeed is the seed recq serve generates its sample data from.
const SampleSeed = 20071219

// SampleDays is how many days before the clock the sample data covers.
const SampleDays = 60

// SampleZone is the tenant zone recq serve uses for the sample data: Los
// Angeles changes its clocks in March and November, so one of the sample's
// days is often 23 or 25 hours long.
const SampleZone = "America/Los_Angeles"

// Sample generates a realistic data set for the tenant "acme": a few
// thousand call-recording files and several hundred chat transcripts over
// the SampleDays days before now in zone (fewer at weekends, most in
// business hours), by several agents, in several queues, of all three call
// types (Inbound, Outbound with #virtual_outbound#/QUEUE_OUTBOUND, Direct
// Agent Access with #virtual_daa#/QUEUE_DIRECT_AGENT_ACCESS), with wrap-up
// codes, metadata and, for transcripts, messages (some translated).
//
// It is deterministic: each local day's records come from seed and that
// date alone, so the same seed gives the same records for a day whatever
// the clock, and nothing starts after now. Records also sit around the
// zone's last transition before now (a daylight-saving change, also when it
// is older than SampleDays, but not than about a year), on both sides of it,
// so the data always crosses one in zones that have them.
func Sample(seed uint64, now time.Time, zone *time.Location) ([]record.File, []record.Transcript) {
	if zone == nil {
		zone = time.UTC
	}
	now = now.In(zone)
	g := &sampler{now: now, zone: zone}
	y, m, d := now.Date()
	for i := SampleDays; i >= 0; i-- {
		day := time.Date(y, m, d-i, 12, 0, 0, 0, time.UTC) // the civil date, without a zone's gaps
		dy, dm, dd := day.Date()
		g.rng = rand.New(rand.NewPCG(seed, uint64(day.Unix()/86400)))
		g.day(dy, dm, dd, day.Weekday())
	}
	if from, _ := now.ZoneBounds(); !from.IsZero() && now.Sub(from) < 400*24*time.Hour {
		g.rng = rand.New(rand.NewPCG(seed, uint64(from.Unix())))
		g.transition(from)
	}
	return g.files, g.transcripts
}

// sampler accumulates the records of Sample.
type sampler struct {
	rng         *rand.Rand
	now         time.Time
	zone        *time.Location
	files       []record.File
	transcripts []record.Transcript
}

type agent struct{ id, name string }

var (
	sampleAgents = []agent{
		{"bill", "Bill,Jackson"}, {"amy.chen", "Amy,Chen"}, {"carlos", "Carlos,Mendoza"},
		{"dana", "Dana,O'Neil"}, {"farid", "Farid,Haddad"}, {"grace", "Grace,Kim"},
		{"hiro", "Hiroshi,Tanaka"}, {"ines", "Inès,Dubois"},
	}
	sampleQueues = []struct{ id, name string }{
		{"acme~~queue~~phone~~101", "sales"}, {"acme~~queue~~phone~~102", "phoneq1"},
		{"acme~~queue~~phone~~103", "billing"}, {"acme~~queue~~phone~~104", "support_es"},
	}
	sampleChannels  = []string{"8005551234", "8005557780", "8885550100", "4155550199"}
	sampleAreaCodes = []string{"415", "510", "650", "212", "312", "503", "206", "702", "213", "617"}
	sampleCodes     = []record.TransactionCode{
		{ListName: "Gauffre", Name: "Gauffre 1"}, {ListName: "Gauffre", Name: "Gauffre 2"},
		{ListName: "Outcome", Name: "Resolved"}, {ListName: "Outcome", Name: "Escalated"},
		{ListName: "Outcome", Name: "Callback requested"}, {ListName: "Sales", Name: "Sold"},
		{ListName: "Sales", Name: "Not interested"},
	}
	sampleMeta = [][]record.MetaData{
		{{FieldName: "Color", FieldValue: "Blue"}, {FieldName: "Fruit", FieldValue: "Cherry"}},
		{{FieldName: "Color", FieldValue: "Red"}},
		{{FieldName: "Number of alphabets in your native language", FieldValue: "26"}},
		{{FieldName: "Customer tier", FieldValue: "Gold"}, {FieldName: "Campaign", FieldValue: "Spring renewal"}},
		{{FieldName: "Customer tier", FieldValue: "Silver"}},
		{{FieldName: "Order", FieldValue: "A-10422"}, {FieldName: "Fruit", FieldValue: "Apple"}},
	}
	sampleChatQueues = []struct{ queueID, queueName, channelID, channelName string }{
		{"104", "chat_recording_2", "103", "chatrec_channel"},
		{"105", "chat_sales", "106", "web_chat"},
	}
	sampleContacts = []string{"Jeff Waugh", "Maria Lopez", "Sam Patel", "Chloé Martin", "Ken Ito", "Ada Obi", "Lee Park"}
	sampleChats    = [][2]string{ // customer, agent
		{"Hi How r u", "Hello! I'm fine, thanks. How can I help you today?"},
		{"My order has not arrived yet", "I'm sorry to hear that. Could you give me the order number?"},
		{"It is A-10422", "Thank you. It left our warehouse yesterday and should arrive on Friday."},
		{"Can I change the delivery address?", "Yes, I have updated it for you."},
		{"I was charged twice this month", "Let me check your billing history."},
		{"Do you ship to Canada?", "We do, within five to seven business days."},
		{"Thanks, that's all", "You're welcome. Have a nice day!"},
	}
	sampleSpanish = [][2]string{ // original, translation
		{"Hola, necesito ayuda con mi factura", "Hello, I need help with my invoice"},
		{"¿Cuándo llega mi pedido?", "When does my order arrive?"},
		{"Muchas gracias", "Thank you very much"},
	}
)

// day generates the records of one local date.
func (g *sampler) day(y int, m time.Month, d int, wd time.Weekday) {
	files, chats := 50+g.rng.IntN(30), 12+g.rng.IntN(9)
	if wd == time.Saturday || wd == time.Sunday {
		files, chats = 10+g.rng.IntN(15), 3+g.rng.IntN(6)
	}
	for k := range files {
		g.file(g.localTime(y, m, d), k)
	}
	for k := range chats {
		g.transcript(g.localTime(y, m, d), k)
	}
}

// transition puts records a little before and after the zone change at t.
func (g *sampler) transition(t time.Time) {
	for k, off := range []time.Duration{-50 * time.Minute, -20 * time.Minute, 10 * time.Minute, 40 * time.Minute} {
		g.file(t.Add(off+time.Duration(g.rng.IntN(600))*time.Second), 99000+k)
	}
	g.transcript(t.Add(-35*time.Minute), 99100)
	g.transcript(t.Add(25*time.Minute), 99101)
}

// localTime picks an instant of the date: mostly business hours, a few at
// night, read in the zone (a time in a gap moves forward, [D-11]).
func (g *sampler) localTime(y int, m time.Month, d int) time.Time {
	var h int
	if g.rng.IntN(20) == 0 {
		h = g.rng.IntN(24)
	} else {
		h = 7 + g.rng.IntN(6) + g.rng.IntN(6) // 7–17, peaking around noon
	}
	return timezone.Local(y, m, d, h, g.rng.IntN(60), g.rng.IntN(60), 0, g.zone)
}

func (g *sampler) pick(n int) int { return g.rng.IntN(n) }

func (g *sampler) phone() string {
	return sampleAreaCodes[g.pick(len(sampleAreaCodes))] + "555" + fmt.Sprintf("%04d", g.rng.IntN(10000))
}

func (g *sampler) number(digits int) string {
	lo := 1
	for range digits - 1 {
		lo *= 10
	}
	return strconv.Itoa(lo + g.rng.IntN(9*lo))
}

func (g *sampler) meta(percent int) []record.MetaData {
	if g.rng.IntN(100) >= percent {
		return nil
	}
	return append([]record.MetaData(nil), sampleMeta[g.pick(len(sampleMeta))]...)
}

// file adds one call recording that starts at start, the k-th of its day.
func (g *sampler) file(start time.Time, k int) {
	if !start.Before(g.now) {
		return
	}
	a := sampleAgents[g.pick(len(sampleAgents))]
	f := record.File{
		StartDate:     start.In(g.zone),
		AgentID:       a.id,
		CaseID:        "0",
		Duration:      8 + g.rng.IntN(60) + g.rng.IntN(400)*g.rng.IntN(3),
		AccountNumber: "0",
		TransactionID: strconv.FormatInt(start.Unix()%1e8*100+int64(k%100), 10),
		ExtVar1:       "0",
		ExtVar2:       "0",
		MetaData:      g.meta(40),
	}
	utc := start.UTC()
	f.Filename = "S" + utc.Format("20060102") + "/R" + utc.Format("20060102150405") + fmt.Sprintf("%05d", k)
	f.Filename += ".wav"
	switch r := g.rng.IntN(100); {
	case r < 20: // Outbound: the dial-out number
		f.Channel, f.PhoneNumber = "#virtual_outbound#", g.phone()
		f.QueueID, f.QueueName = "QUEUE_OUTBOUND", "QUEUE_OUTBOUND"
		f.OutDialCode = "1"
	case r < 30: // Direct Agent Access: the caller ID
		f.Channel, f.PhoneNumber = "#virtual_daa#", g.phone()
		f.QueueID, f.QueueName = "QUEUE_DIRECT_AGENT_ACCESS", "QUEUE_DIRECT_AGENT_ACCESS"
	default: // Inbound: the channel dialled, the caller ID, the queue
		q := sampleQueues[g.pick(len(sampleQueues))]
		f.Channel, f.PhoneNumber = sampleChannels[g.pick(len(sampleChannels))], g.phone()
		f.QueueID, f.QueueName = q.id, q.name
	}
	if g.rng.IntN(4) == 0 {
		f.CaseID = g.number(5)
	}
	if g.rng.IntN(3) == 0 {
		f.AccountNumber = g.number(6)
	}
	if g.rng.IntN(5) == 0 {
		f.ExtVar1, f.ExtVar2 = "web", "promo-"+strconv.Itoa(1+g.rng.IntN(9))
	}
	for range g.rng.IntN(3) {
		f.TransactionCodes = append(f.TransactionCodes, sampleCodes[g.pick(len(sampleCodes))])
	}
	g.files = append(g.files, f)
}

const guidLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func (g *sampler) letters(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(guidLetters[g.pick(len(guidLetters))])
	}
	return b.String()
}

// transcript adds one chat that starts at start, the k-th of its day.
func (g *sampler) transcript(start time.Time, k int) {
	if !start.Before(g.now) {
		return
	}
	a := sampleAgents[g.pick(len(sampleAgents))]
	q := sampleChatQueues[g.pick(len(sampleChatQueues))]
	contact := sampleContacts[g.pick(len(sampleContacts))]
	t := record.Transcript{
		StartDate:   start.In(g.zone),
		AgentID:     a.id,
		AgentName:   a.name,
		ContactID:   "guest_at_chat@web.acme.example/CtlGuest" + g.letters(20),
		ContactName: contact,
		QueueID:     q.queueID, QueueName: q.queueName,
		ChannelID: q.channelID, ChannelName: q.channelName,
		CaseID:          g.number(5),
		TargetIP:        fmt.Sprintf("10.191.%d.%d", g.rng.IntN(256), 1+g.rng.IntN(254)),
		TransactionID:   strconv.FormatInt(start.Unix()%1e8*100+int64(k%100), 10),
		InteractionGUID: "int-" + strconv.FormatInt(start.UnixMilli(), 16) + "-" + g.letters(25) + "-chat-03-acme",
		TranscriptType:  "A2C",
		MetaData:        g.meta(60),
	}
	if g.rng.IntN(5) == 0 {
		t.TranscriptType = "C2A"
	}
	spanish := g.rng.IntN(7) == 0
	at := start
	for i := range 2 + g.rng.IntN(4) {
		turn := sampleChats[(i+g.pick(2))%len(sampleChats)]
		at = at.Add(time.Duration(2+g.rng.IntN(40)) * time.Second)
		c := record.Message{MessageTime: at.In(g.zone), MessageFrom: "C", OriginalLanguage: "en", OriginalMessage: turn[0]}
		if spanish {
			s := sampleSpanish[g.pick(len(sampleSpanish))]
			c.OriginalLanguage, c.OriginalMessage = "es", s[0]
			c.TranslatedLanguage, c.TranslatedMessage = "en", s[1]
		}
		at = at.Add(time.Duration(5+g.rng.IntN(60)) * time.Second)
		t.Messages = append(t.Messages, c,
			record.Message{MessageTime: at.In(g.zone), MessageFrom: "A", OriginalLanguage: "en", OriginalMessage: turn[1]})
	}
	t.Duration = int(at.Sub(start)/time.Second) + 1 + g.rng.IntN(10)
	g.transcripts = append(g.transcripts, t)
}
