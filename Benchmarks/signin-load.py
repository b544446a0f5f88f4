"""Sign-ins under load: CLIENTS threads post wrong passwords from changing addresses while one
more asks /health every 100 ms. Usage: python3 Benchmarks/signin-load.py SECONDS LOAD(0|1) CLIENTS
against a server on 127.0.0.1:8097 started with DANVAN_TRUST_PROXY=1. See docs/PERFORMANCE.md."""
import threading, time, urllib.request, urllib.parse, random, statistics, sys
base="http://127.0.0.1:8097"
stop=time.time()+float(sys.argv[1]); counts={"ok":0,"429":0,"other":0}; lock=threading.Lock()
import http.cookiejar, re
codes={}
def hammer(i):
    jar=http.cookiejar.CookieJar(); op=urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page=op.open(base+"/login").read().decode()
    token=re.search(r'name="_csrf" value="([^"]+)"',page).group(1)
    while time.time()<stop:
        data=urllib.parse.urlencode({"_csrf":token,"username":"khong-co-%d"%random.randint(0,10**6),"password":"sai mat khau %d"%i}).encode()
        req=urllib.request.Request(base+"/login",data=data,headers={"X-Forwarded-For":"10.%d.%d.%d"%(random.randint(0,255),random.randint(0,255),random.randint(1,254))})
        try:
            op.open(req,timeout=30); k="ok"
        except urllib.error.HTTPError as e:
            k="429" if e.code==429 else "other"
            with lock: codes[e.code]=codes.get(e.code,0)+1
        except Exception: k="other"
        with lock: counts[k]+=1
def health():
    lat=[]
    while time.time()<stop:
        t=time.time(); urllib.request.urlopen(base+"/health",timeout=30).read(); lat.append((time.time()-t)*1000); time.sleep(0.1)
    lat.sort(); print("health n=%d median=%.1fms p99=%.1fms max=%.1fms"%(len(lat),statistics.median(lat),lat[int(len(lat)*0.99)-1],lat[-1]))
if sys.argv[2]=="1":
    ts=[threading.Thread(target=hammer,args=(i,)) for i in range(int(sys.argv[3]))]; [t.start() for t in ts]
health()
if sys.argv[2]=="1":
    [t.join() for t in ts]; print("logins", counts, codes, "per_s=%.1f"%((counts["ok"]+counts["other"])/float(sys.argv[1])))
