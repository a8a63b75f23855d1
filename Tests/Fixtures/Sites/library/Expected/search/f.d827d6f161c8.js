var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{},names:{}};SITEGEN_SEARCH.facets["d827d6f161c8"]=[[2],[1],[2],[0],[0,1],[1]];
